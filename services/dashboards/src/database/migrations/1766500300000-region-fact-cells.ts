import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The kinds counted per month (a migration keeps its own copy: it never changes). */
const MONTH_KINDS = `ARRAY['LINK', 'STATE_TIME', 'WAIT', 'ANSWER_DELAY']`;

/**
 * The region's cells: the facts marked solo_in_category, counted per kind, category, detail,
 * day, due date and solo_in_kind — per month and days instead for the four kinds whose views
 * take percentiles of days over the range (LINK, STATE_TIME, WAIT, ANSWER_DELAY) — beside
 * dashboard_fact and kept with it (services/dashboards/src/projection/fact-cells.ts). A
 * region-wide view sums these few rows instead of reading every fact
 * (docs/adr/0020-region-cells-beside-the-facts.md); the facts not so marked are read one by one
 * through the partial indexes made here: those not solo in their category, and those not solo in
 * their kind (which a view of a kind's whole counts by path).
 *
 * The cells are filled from the facts already stored, so the views agree with them at once.
 */
export class RegionFactCells1766500300000 implements MigrationInterface {
  readonly name = 'RegionFactCells1766500300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dashboard_day_cell (
        kind text NOT NULL,
        category text NOT NULL,
        detail text,
        fact_date date NOT NULL,
        due_date date,
        solo_in_kind boolean NOT NULL,
        n int NOT NULL,
        CONSTRAINT dashboard_day_cell_key UNIQUE NULLS NOT DISTINCT
          (kind, fact_date, category, detail, due_date, solo_in_kind)
      )`);
    await queryRunner.query(`
      CREATE TABLE dashboard_month_cell (
        kind text NOT NULL,
        category text NOT NULL,
        detail text,
        month date NOT NULL,
        days int,
        solo_in_kind boolean NOT NULL,
        n int NOT NULL,
        CONSTRAINT dashboard_month_cell_key UNIQUE NULLS NOT DISTINCT
          (kind, month, category, detail, days, solo_in_kind)
      )`);
    await queryRunner.query(`
      INSERT INTO dashboard_day_cell
      SELECT kind, category, detail, fact_date, due_date, solo_in_kind, count(*)
        FROM dashboard_fact
       WHERE solo_in_category AND kind <> ALL (${MONTH_KINDS})
       GROUP BY kind, fact_date, category, detail, due_date, solo_in_kind`);
    await queryRunner.query(`
      INSERT INTO dashboard_month_cell
      SELECT kind, category, detail, date_trunc('month', fact_date::timestamp)::date, days,
             solo_in_kind, count(*)
        FROM dashboard_fact
       WHERE solo_in_category AND kind = ANY (${MONTH_KINDS})
       GROUP BY 1, 2, 3, 4, 5, 6`);
    // The facts a cell cannot count by their clients: read one by one in region scope.
    for (const mark of ['category', 'kind']) {
      await queryRunner.query(`
        CREATE INDEX dashboard_fact_kind_date_not_solo_in_${mark}_idx
          ON dashboard_fact (kind, fact_date)
          INCLUDE (category, detail, days, path_id, due_date, solo_in_category, solo_in_kind)
          WHERE NOT solo_in_${mark}`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX dashboard_fact_kind_date_not_solo_in_category_idx');
    await queryRunner.query('DROP INDEX dashboard_fact_kind_date_not_solo_in_kind_idx');
    await queryRunner.query('DROP TABLE dashboard_month_cell');
    await queryRunner.query('DROP TABLE dashboard_day_cell');
  }
}
