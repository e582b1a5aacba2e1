import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TEMPORARY copy of the dashboards' tables for the read side (branch wip/dash-queries), written
 * from the common schema while the projection's branch has not landed; the projection's own
 * migration replaces this file when that branch is merged. `path_event` holds the coded fields
 * of each consumed event; `dashboard_fact` what the views aggregate (docs/dashboards.md).
 */
export class DashboardTables1766500000000 implements MigrationInterface {
  readonly name = 'DashboardTables1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE path_event (
        event_id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        subject text NOT NULL,
        occurred_at timestamptz NOT NULL,
        org_id uuid NULL,
        data jsonb NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX path_event_path_idx ON path_event (path_id, occurred_at)',
    );
    await queryRunner.query(`
      CREATE TABLE dashboard_fact (
        path_id uuid NOT NULL,
        fact_key text NOT NULL,
        kind text NOT NULL,
        fact_date date NOT NULL,
        org_id uuid NOT NULL,
        municipality text NOT NULL,
        age_band text NOT NULL,
        measure_type text NOT NULL,
        category text NOT NULL,
        detail text NULL,
        days int NULL,
        due_date date NULL,
        PRIMARY KEY (path_id, fact_key)
      )`);
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_date_idx ON dashboard_fact (kind, fact_date)
        INCLUDE (org_id, category, detail, days, municipality, measure_type, age_band)`);
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_org_date_idx ON dashboard_fact (kind, org_id, fact_date)
        INCLUDE (category, detail, days, municipality, measure_type, age_band)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dashboard_fact');
    await queryRunner.query('DROP TABLE path_event');
  }
}
