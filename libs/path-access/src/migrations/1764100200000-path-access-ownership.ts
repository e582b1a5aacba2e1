import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Completed hand-offs (OwnershipTransferred): from each one's time on, its receiver owns the
 * path. One row per event, so a replay or a late event changes nothing.
 */
export class PathAccessOwnership1764100200000 implements MigrationInterface {
  readonly name = 'PathAccessOwnership1764100200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE path_access_ownership (
        event_id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        to_org_id uuid NOT NULL,
        transferred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX path_access_ownership_path_idx ON path_access_ownership (path_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE path_access_ownership');
  }
}
