import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The parties of each path's activation plan, one row per organisation and stretch of time.
 * `path_access_plan` remembers the plan version whose parties were applied last, so a party
 * list that arrives late (ActivationPlanAgreed after a revision) never overwrites a newer one.
 */
export class PathAccessPlanParties1764100100000 implements MigrationInterface {
  readonly name = 'PathAccessPlanParties1764100100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE path_access_plan (
        plan_id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        parties_version integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE path_access_plan_party (
        plan_id uuid NOT NULL REFERENCES path_access_plan (plan_id),
        path_id uuid NOT NULL,
        org_id uuid NOT NULL,
        role text NOT NULL,
        since timestamptz NOT NULL,
        until timestamptz,
        PRIMARY KEY (plan_id, org_id, since)
      )`);
    await queryRunner.query(
      'CREATE INDEX path_access_plan_party_path_idx ON path_access_plan_party (path_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE path_access_plan_party');
    await queryRunner.query('DROP TABLE path_access_plan');
  }
}
