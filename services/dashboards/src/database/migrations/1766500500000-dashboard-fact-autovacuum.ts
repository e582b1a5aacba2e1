import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The storage parameters set here, reset by down(). */
const PARAMETERS = [
  'autovacuum_vacuum_scale_factor',
  'autovacuum_vacuum_insert_scale_factor',
  'autovacuum_analyze_scale_factor',
];

/**
 * dashboard_fact's own autovacuum thresholds: 1 % of its rows changed or inserted instead of
 * PostgreSQL's 20 % (10 % to analyse). Every view reads it by index-only scans, which fetch from
 * the heap each row of a page not yet marked all-visible by a VACUUM; with the default a table
 * of 1.7 million facts goes unvacuumed until 350,000 rows have changed, and views read right
 * after such a load took up to three times as long as after one VACUUM (docs/performance.md,
 * "Fourth step"). At 1 % autovacuum comes round every 17,000 changed facts at 100,000 paths.
 */
export class DashboardFactAutovacuum1766500500000 implements MigrationInterface {
  readonly name = 'DashboardFactAutovacuum1766500500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE dashboard_fact SET (${PARAMETERS.map((name) => `${name} = 0.01`).join(', ')})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE dashboard_fact RESET (${PARAMETERS.join(', ')})`);
  }
}
