import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboards' projection (docs/dashboards.md, "How the figures are kept"): path_event keeps
 * the coded fields of every consumed event per path, so that a path's facts can be folded again
 * from its whole history whenever one of its events arrives, whatever the order of arrival;
 * dashboard_fact holds the facts the queries aggregate, replaced as a whole per path. Both are
 * emptied and replayed by rebuild-projection.
 */
export class DashboardProjectionTables1766500000000 implements MigrationInterface {
  readonly name = 'DashboardProjectionTables1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE path_event (
        event_id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        subject text NOT NULL,
        occurred_at timestamptz NOT NULL,
        org_id uuid NOT NULL,
        data jsonb NOT NULL
      )`);
    // The fold reads a path's whole history.
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
    // The queries aggregate one kind over a range of days, for the region or one organisation;
    // every column they group, filter or measure by is in the index, so they read no table rows.
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
