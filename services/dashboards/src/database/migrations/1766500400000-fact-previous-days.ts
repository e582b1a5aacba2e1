import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The group of a fact's row in SQL, as services/dashboards/src/projection/facts/count-groups.ts
 * has it today (a migration keeps its own copy: it never changes): an exit's Table 7 group, a
 * decline's party, a follow-up status's months; the kind for the rest.
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
  ELSE '' END`;

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
 * that it stays an index-only scan.
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
                     lag(fact_date) OVER (PARTITION BY path_id, kind, grp, category ${inOrder})
                       AS prev_in_row,
                     lag(fact_date) OVER (PARTITION BY path_id, kind, grp ${inOrder})
                       AS prev_in_group,
                     lag(fact_date) OVER (PARTITION BY path_id, kind ${inOrder}) AS prev_in_kind
                FROM (SELECT path_id, fact_key, kind, category, fact_date,
                             ${GROUP_OF_FACT} AS grp
                        FROM dashboard_fact) grouped) marked
       WHERE marked.path_id = fact.path_id AND marked.fact_key = fact.fact_key
         AND marked.prev_in_kind IS NOT NULL`);
    await this.indexes(queryRunner, `, ${PREVIOUS_DAYS}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.indexes(queryRunner, '');
    await queryRunner.query(`
      ALTER TABLE dashboard_fact
        DROP COLUMN prev_in_row, DROP COLUMN prev_in_group, DROP COLUMN prev_in_kind`);
  }

  /** The two indexes a region-wide view reads, with `more` columns after their own. */
  private async indexes(queryRunner: QueryRunner, more: string): Promise<void> {
    await queryRunner.query('DROP INDEX dashboard_fact_kind_date_idx');
    await queryRunner.query('DROP INDEX dashboard_fact_kind_date_not_solo_in_kind_idx');
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_date_idx ON dashboard_fact (kind, fact_date)
        INCLUDE (${KIND_DATE_COLUMNS}${more})`);
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_date_not_solo_in_kind_idx
        ON dashboard_fact (kind, fact_date) INCLUDE (${NOT_SOLO_COLUMNS}${more})
        WHERE NOT solo_in_kind`);
  }
}
