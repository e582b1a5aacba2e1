import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The client reference of each path a service has heard of (see path-client-refs.ts). */
export class PathClientRefTable1764100300000 implements MigrationInterface {
  readonly name = 'PathClientRefTable1764100300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE path_client_ref (
        path_id uuid PRIMARY KEY,
        client_ref text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE path_client_ref');
  }
}
