import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * solo_in_category and solo_in_kind: the fact is its path's only one of its kind and category,
 * or of its kind (services/dashboards/src/projection/facts/client-marks.ts), so that a view
 * counts the clients of a cell without sorting every fact by path. Both are in the covering
 * indexes, so that the views stay index-only scans.
 *
 * The rows stored before this migration are marked false: a view then counts their paths with
 * count(DISTINCT path_id), the exact figure, only slower. The next event of a path writes its
 * marks; rebuild-projection writes them all.
 */
export class FactClientMarks1766500200000 implements MigrationInterface {
  readonly name = 'FactClientMarks1766500200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE dashboard_fact
        ADD COLUMN solo_in_category boolean NOT NULL DEFAULT false,
        ADD COLUMN solo_in_kind boolean NOT NULL DEFAULT false`);
    await queryRunner.query('DROP INDEX dashboard_fact_kind_date_idx');
    await queryRunner.query('DROP INDEX dashboard_fact_kind_org_date_idx');
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_date_idx ON dashboard_fact (kind, fact_date)
        INCLUDE (org_id, category, detail, days, municipality, measure_type, age_band, path_id,
                 due_date, solo_in_category, solo_in_kind)`);
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_org_date_idx ON dashboard_fact (kind, org_id, fact_date)
        INCLUDE (category, detail, days, municipality, measure_type, age_band, path_id, due_date,
                 solo_in_category, solo_in_kind)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX dashboard_fact_kind_date_idx');
    await queryRunner.query('DROP INDEX dashboard_fact_kind_org_date_idx');
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_date_idx ON dashboard_fact (kind, fact_date)
        INCLUDE (org_id, category, detail, days, municipality, measure_type, age_band, path_id,
                 due_date)`);
    await queryRunner.query(`
      CREATE INDEX dashboard_fact_kind_org_date_idx ON dashboard_fact (kind, org_id, fact_date)
        INCLUDE (category, detail, days, municipality, measure_type, age_band, path_id, due_date)`);
    await queryRunner.query(`
      ALTER TABLE dashboard_fact DROP COLUMN solo_in_category, DROP COLUMN solo_in_kind`);
  }
}
