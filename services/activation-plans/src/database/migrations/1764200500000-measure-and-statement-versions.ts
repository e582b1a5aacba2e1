import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version on each measure and statement, so that pausing, resuming or ending a measure and
 * issuing a statement need If-Match with the version the caller read (docs/api.md, optimistic
 * concurrency): two colleagues acting on what they saw never overwrite each other unseen.
 * Existing rows start at 1, like a new one.
 */
export class MeasureAndStatementVersions1764200500000 implements MigrationInterface {
  readonly name = 'MeasureAndStatementVersions1764200500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['measure', 'statement']) {
      await queryRunner.query(
        `ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['statement', 'measure']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN version`);
    }
  }
}
