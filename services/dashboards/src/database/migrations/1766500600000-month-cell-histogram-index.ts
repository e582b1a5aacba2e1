import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The month cells in the order a percentile view sums them: per kind, category and days, with
 * the month and count beside the key so that the read never visits the table. A region-wide
 * view of a percentile kind sums its cells per category and days in this order, streaming,
 * instead of hashing and then sorting them (services/dashboards/src/views/histogram-figures.ts):
 * flows went from 160 to 70 ms on 66,000 cells (docs/performance.md, "Fifth step").
 */
export class MonthCellHistogramIndex1766500600000 implements MigrationInterface {
  readonly name = 'MonthCellHistogramIndex1766500600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX dashboard_month_cell_histogram_idx
        ON dashboard_month_cell (kind, category, days) INCLUDE (month, n)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX dashboard_month_cell_histogram_idx');
  }
}
