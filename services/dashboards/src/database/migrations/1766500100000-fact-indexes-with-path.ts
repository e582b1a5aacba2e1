import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The covering indexes of dashboard_fact with `path_id` (and `due_date`), so that the views stay
 * index-only scans.
 *
 * Primary suppression hides a cell of 1 to 4 clients, however many facts they have
 * (docs/dashboards.md, "Suppression"), so every view counts the distinct paths of its cells
 * (count(DISTINCT path_id)). The indexes of 1766500000000-dashboard-projection-tables.ts do not
 * carry path_id, and every view would read the table's rows for it. `due_date` tells open-paths
 * whether a pending hand-off is overdue, in either scope; NULL for every other fact, it costs the
 * index nothing but a bit of its null bitmap.
 */
export class FactIndexesWithPath1766500100000 implements MigrationInterface {
  readonly name = 'FactIndexesWithPath1766500100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX dashboard_fact_kind_date_idx');
    await queryRunner.query('DROP INDEX dashboard_fact_kind_org_date_idx');
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_date_idx ON dashboard_fact (kind, fact_date)
        INCLUDE (org_id, category, detail, days, municipality, measure_type, age_band, path_id,
                 due_date)`);
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_org_date_idx ON dashboard_fact (kind, org_id, fact_date)
        INCLUDE (category, detail, days, municipality, measure_type, age_band, path_id, due_date)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The indexes as 1766500000000-dashboard-projection-tables.ts made them.
    await queryRunner.query('DROP INDEX dashboard_fact_kind_date_idx');
    await queryRunner.query('DROP INDEX dashboard_fact_kind_org_date_idx');
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_date_idx ON dashboard_fact (kind, fact_date)
        INCLUDE (org_id, category, detail, days, municipality, measure_type, age_band)`);
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_org_date_idx ON dashboard_fact (kind, org_id, fact_date)
        INCLUDE (category, detail, days, municipality, measure_type, age_band)`);
  }
}
