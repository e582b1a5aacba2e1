import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes in the keyset order of the lists that page (issue 15: every list pages): a page is
 * then one index range scan however deep it is. Referrals (path_id, created_at) and tasks
 * (owner_org_id, status, due_date) have theirs already.
 */
export class ListKeysetIndexes1764101500000 implements MigrationInterface {
  readonly name = 'ListKeysetIndexes1764101500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX organisation_name_idx ON organisation (name, id)');
    await queryRunner.query(
      'CREATE INDEX consent_record_path_order_idx ON consent_record (path_id, recorded_at, id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX consent_record_path_order_idx');
    await queryRunner.query('DROP INDEX organisation_name_idx');
  }
}
