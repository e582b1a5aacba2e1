import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key records of commands (services/gateway/src/http/idempotency): one row per
 * (caller, method, route template, key). The unique constraint decides which of two racing
 * requests runs the handler; the other is answered 409 or, once the first is done, the replay.
 */
export class IdempotencyRecords1764000400000 implements MigrationInterface {
  readonly name = 'IdempotencyRecords1764000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_record (
        id uuid PRIMARY KEY,
        scope text NOT NULL,
        method text NOT NULL,
        route text NOT NULL,
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
        claim_token uuid NOT NULL,
        locked_until timestamptz,
        response_status integer,
        response_body jsonb,
        response_headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT idempotency_record_key_unique UNIQUE (scope, method, route, idempotency_key),
        CONSTRAINT idempotency_record_completed_has_response
          CHECK (state = 'IN_PROGRESS' OR response_status IS NOT NULL)
      )`);
    // Pruning deletes by expiry, oldest first.
    await queryRunner.query(
      'CREATE INDEX idempotency_record_expires_idx ON idempotency_record (expires_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_record');
  }
}
