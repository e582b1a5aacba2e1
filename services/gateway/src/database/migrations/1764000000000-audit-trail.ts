import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of client-level data: one row per read, write or refused attempt
 * (Client Data Act 703/2023 access and disclosure logs). Append-only in the database itself:
 * a trigger refuses UPDATE, DELETE and TRUNCATE for every role, the owner included, and PUBLIC
 * holds no privilege on it; production grants the gateway's role INSERT and SELECT only
 * (docs/runbook.md).
 */
export class AuditTrail1764000000000 implements MigrationInterface {
  readonly name = 'AuditTrail1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_record (
        id bigserial PRIMARY KEY,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        user_id text NOT NULL,
        org_id uuid NOT NULL,
        org_role text NOT NULL,
        user_roles text[] NOT NULL,
        issuer text NOT NULL,
        action text NOT NULL CHECK (action IN ('READ', 'WRITE')),
        outcome text NOT NULL CHECK (outcome IN ('DONE', 'FAILED', 'REFUSED')),
        refusal_reason text,
        http_status integer NOT NULL,
        route text NOT NULL,
        path_id uuid,
        data_classes text[] NOT NULL,
        purpose text NOT NULL,
        relations text[] NOT NULL DEFAULT '{}',
        basis text,
        request_id text NOT NULL,
        trace_id text
      )`);
    // "Who processed this path's data" reads one path, newest first.
    await queryRunner.query(
      'CREATE INDEX audit_record_path_idx ON audit_record (path_id, recorded_at DESC)',
    );
    await queryRunner.query(`
      CREATE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_record is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_record_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_record
        FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
        FOR EACH STATEMENT EXECUTE FUNCTION audit_record_is_append_only()`);
    await queryRunner.query('REVOKE ALL ON audit_record FROM PUBLIC');
  }

  async down(): Promise<void> {
    // An audit trail is never migrated away: reverting would destroy the legal record.
    throw new Error('AuditTrail1764000000000 cannot be reverted');
  }
}
