import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an audit row says was disclosed (docs/auth.md, "The audit trail"): the basis of each data
 * class the answer contained, how many rows a list answer held, and the caller's own request id
 * kept apart from the gateway's. Older rows keep their single `basis`; they get an empty list.
 */
export class AuditDisclosures1764000500000 implements MigrationInterface {
  readonly name = 'AuditDisclosures1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE audit_record
        ADD COLUMN class_bases jsonb NOT NULL DEFAULT '[]'
          CHECK (jsonb_typeof(class_bases) = 'array'),
        ADD COLUMN row_count integer CHECK (row_count >= 0),
        ADD COLUMN correlation_id text CHECK (length(correlation_id) <= 128)`);
    // Organisation-wide reads (work lists, lost paths) have no path: found by organisation.
    await queryRunner.query(
      'CREATE INDEX audit_record_org_idx ON audit_record (org_id, recorded_at DESC)',
    );
  }

  async down(): Promise<void> {
    // An audit trail is never migrated away: reverting would destroy the legal record.
    throw new Error('AuditDisclosures1764000500000 cannot be reverted');
  }
}
