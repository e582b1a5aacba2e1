import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The kinds counted per month (a migration keeps its own copy: it never changes). */
const MONTH_KINDS = `ARRAY['LINK', 'STATE_TIME', 'WAIT', 'ANSWER_DELAY']`;

/** A fact's slices: its municipality and its age band, where recorded. */
const SLICES = `(VALUES ('municipality:' || municipality), ('age_band:' || age_band)) AS s (slice)`;

/** The partial indexes' columns before this migration, and the two added to both. */
const NOT_SOLO_COLUMNS =
  'category, detail, days, path_id, due_date, solo_in_category, solo_in_kind';
const PREVIOUS_DAYS = 'prev_in_row, prev_in_group, prev_in_kind';

/**
 * The region's slices' cells: the region's cells (1766500300000-region-fact-cells.ts) once
 * more per municipality and per age band, so that a region-wide view filtered by one of them
 * sums cells too (docs/adr/0022-slice-cells.md); kept beside the facts by
 * services/dashboards/src/projection/fact-cells.ts and filled here from the stored facts. The
 * facts the cells cannot count are read one by one through the two partial indexes, which now
 * carry the municipality and age band, so that a filtered read of them never visits the table.
 */
export class SliceFactCells1766500700000 implements MigrationInterface {
  readonly name = 'SliceFactCells1766500700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dashboard_slice_day_cell (
        slice text NOT NULL,
        kind text NOT NULL,
        category text NOT NULL,
        detail text,
        fact_date date NOT NULL,
        due_date date,
        solo_in_kind boolean NOT NULL,
        n int NOT NULL,
        CONSTRAINT dashboard_slice_day_cell_key UNIQUE NULLS NOT DISTINCT
          (slice, kind, fact_date, category, detail, due_date, solo_in_kind)
      )`);
    await queryRunner.query(`
      CREATE TABLE dashboard_slice_month_cell (
        slice text NOT NULL,
        kind text NOT NULL,
        category text NOT NULL,
        detail text,
        month date NOT NULL,
        days int,
        solo_in_kind boolean NOT NULL,
        n int NOT NULL,
        CONSTRAINT dashboard_slice_month_cell_key UNIQUE NULLS NOT DISTINCT
          (slice, kind, month, category, detail, days, solo_in_kind)
      )`);
    await queryRunner.query(`
      INSERT INTO dashboard_slice_day_cell
      SELECT s.slice, kind, category, detail, fact_date, due_date, solo_in_kind, count(*)
        FROM dashboard_fact CROSS JOIN LATERAL ${SLICES}
       WHERE solo_in_category AND kind <> ALL (${MONTH_KINDS}) AND s.slice IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5, 6, 7`);
    await queryRunner.query(`
      INSERT INTO dashboard_slice_month_cell
      SELECT s.slice, kind, category, detail, date_trunc('month', fact_date::timestamp)::date,
             days, solo_in_kind, count(*)
        FROM dashboard_fact CROSS JOIN LATERAL ${SLICES}
       WHERE solo_in_category AND kind = ANY (${MONTH_KINDS}) AND s.slice IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5, 6, 7`);
    // As dashboard_month_cell_histogram_idx (1766500600000), within a slice.
    await queryRunner.query(`
      CREATE INDEX dashboard_slice_month_cell_histogram_idx
        ON dashboard_slice_month_cell (slice, kind, category, days) INCLUDE (month, n)`);
    await this.partialIndexes(queryRunner, ', municipality, age_band');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.partialIndexes(queryRunner, '');
    await queryRunner.query('DROP TABLE dashboard_slice_month_cell');
    await queryRunner.query('DROP TABLE dashboard_slice_day_cell');
  }

  /**
   * The partial indexes of the facts not solo in their kind or category, as
   * 1766500400000-fact-previous-days.ts made them, with `also` added.
   */
  private async partialIndexes(queryRunner: QueryRunner, also: string): Promise<void> {
    await queryRunner.query('DROP INDEX dashboard_fact_kind_date_not_solo_in_kind_idx');
    await queryRunner.query('DROP INDEX dashboard_fact_kind_date_not_solo_in_category_idx');
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_date_not_solo_in_kind_idx
        ON dashboard_fact (kind, fact_date)
        INCLUDE (${NOT_SOLO_COLUMNS}, ${PREVIOUS_DAYS}${also})
        WHERE NOT solo_in_kind`);
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_date_not_solo_in_category_idx
        ON dashboard_fact (kind, fact_date) INCLUDE (${NOT_SOLO_COLUMNS}, prev_in_row${also})
        WHERE NOT solo_in_category`);
  }
}
