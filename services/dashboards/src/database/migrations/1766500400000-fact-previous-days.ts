import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The group of a fact's row in SQL, as services/dashboards/src/projection/facts/count-groups.ts
 * has it today (a migration keeps its own copy: it never changes): an exit's Table 7 group, a
 * decline's party, a follow-up status's months, a wait's or answer delay's category; the kind
 * for the rest.
 */
const GROUP_OF_FACT = `CASE kind
  WHEN 'EXIT' THEN CASE
    WHEN category IN ('PENSION', 'PENSION_INVESTIGATION', 'UNEMPLOYED_JOBSEEKER',
                      'HEALTH_CARE_TREATMENT', 'SICK_LEAVE', 'REHABILITATION_PERIOD', 'STUDIES',
                      'UNCLEAR_PATH') THEN 'OUTSIDE_LABOUR_MARKET'
    WHEN category IN ('OPEN_LABOUR_MARKET', 'SUPPORTED_EMPLOYMENT') THEN 'LABOUR_MARKET'
    WHEN category IN ('ANOTHER_VTM_MEASURE', 'RETURNED_TO_VTM') THEN 'CONTINUATION'
    ELSE coalesce(detail, 'UNKNOWN') END
  WHEN 'DECLINE' THEN split_part(category, ':', 1)
  WHEN 'FOLLOW_UP_STATUS' THEN coalesce(detail, 'UNKNOWN')
  WHEN 'WAIT' THEN category
  WHEN 'ANSWER_DELAY' THEN category
  ELSE '' END`;

/** What a fact's row has beside its group and category: an answer delay's answer (detail). */
const ROW_DETAIL = `CASE WHEN kind = 'ANSWER_DELAY' THEN detail END`;

/** The covering indexes' columns before this migration (1766500200000, 1766500300000). */
const KIND_DATE_COLUMNS = `org_id, category, detail, days, municipality, measure_type, age_band,
  path_id, due_date, solo_in_category, solo_in_kind`;
const NOT_SOLO_COLUMNS =
  'category, detail, days, path_id, due_date, solo_in_category, solo_in_kind';
const PREVIOUS_DAYS = 'prev_in_row, prev_in_group, prev_in_kind';

/**
 * prev_in_row, prev_in_group, prev_in_kind: the day of the path's previous fact in the same row
 * (group and category), group and kind (services/dashboards/src/projection/facts/client-marks.ts),
 * so that a view counts the clients of a period as the facts in it whose previous one is before
 * it (docs/adr/0021-first-facts-count-clients.md). In the indexes a region-wide view reads, so
 * that it stays an index-only scan (without prev_in_row in the partial index of facts not solo
 * in their category, time-in-step took 292 ms instead of 37: a heap fetch per fact).
 *
 * The days are filled from the facts already stored, in the projection's order (day, then key
 * in code-unit order), so the views agree with them at once. Facts that are their path's first
 * at every level keep NULL and are not rewritten.
 */
export class FactPreviousDays1766500400000 implements MigrationInterface {
  readonly name = 'FactPreviousDays1766500400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE dashboard_fact
        ADD COLUMN prev_in_row date, ADD COLUMN prev_in_group date, ADD COLUMN prev_in_kind date`);
    const inOrder = 'ORDER BY fact_date, fact_key COLLATE "C"';
    await queryRunner.query(`
      UPDATE dashboard_fact fact
         SET prev_in_row = marked.prev_in_row, prev_in_group = marked.prev_in_group,
             prev_in_kind = marked.prev_in_kind
        FROM (SELECT path_id, fact_key,
                     lag(fact_date) OVER (PARTITION BY path_id, kind, grp, category, row_detail ${inOrder})
                       AS prev_in_row,
                     lag(fact_date) OVER (PARTITION BY path_id, kind, grp ${inOrder})
                       AS prev_in_group,
                     lag(fact_date) OVER (PARTITION BY path_id, kind ${inOrder}) AS prev_in_kind
                FROM (SELECT path_id, fact_key, kind, category, fact_date,
                             ${GROUP_OF_FACT} AS grp, ${ROW_DETAIL} AS row_detail
                        FROM dashboard_fact) grouped) marked
       WHERE marked.path_id = fact.path_id AND marked.fact_key = fact.fact_key
         AND marked.prev_in_kind IS NOT NULL`);
    await this.indexes(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.indexes(queryRunner, false);
    await queryRunner.query(`
      ALTER TABLE dashboard_fact
        DROP COLUMN prev_in_row, DROP COLUMN prev_in_group, DROP COLUMN prev_in_kind`);
  }

  /**
   * The three indexes a region-wide view reads, with the previous days after their own columns
   * (`withDays`) or without: the partial index of facts not solo in their category is read by
   * a view of rows, which needs only the row's day.
   */
  private async indexes(queryRunner: QueryRunner, withDays: boolean): Promise<void> {
    const all = withDays ? `, ${PREVIOUS_DAYS}` : '';
    const row = withDays ? ', prev_in_row' : '';
    for (const index of [
      'kind_date',
      'kind_date_not_solo_in_kind',
      'kind_date_not_solo_in_category',
    ]) {
      await queryRunner.query(`DROP INDEX dashboard_fact_${index}_idx`);
    }
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_date_idx ON dashboard_fact (kind, fact_date)
        INCLUDE (${KIND_DATE_COLUMNS}${all})`);
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_date_not_solo_in_kind_idx
        ON dashboard_fact (kind, fact_date) INCLUDE (${NOT_SOLO_COLUMNS}${all})
        WHERE NOT solo_in_kind`);
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_date_not_solo_in_category_idx
        ON dashboard_fact (kind, fact_date) INCLUDE (${NOT_SOLO_COLUMNS}${row})
        WHERE NOT solo_in_category`);
  }
}
