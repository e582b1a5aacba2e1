import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables every service needs to publish and consume events without losing any:
 * outbox (written in the business transaction), inbox (one row per consumed event, for
 * idempotency) and dead letters (events a handler could not process, kept for redrive).
 * Shared by every service's migration list, so the shape is the same everywhere.
 */
export class MessagingTables1763900000000 implements MigrationInterface {
  readonly name = 'MessagingTables1763900000000';

  /** Creates the outbox, inbox and dead-letter tables and the outbox NOTIFY trigger. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        payload jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The relay only ever looks for unpublished rows, oldest first.
    await queryRunner.query(`
      CREATE INDEX outbox_message_unpublished_idx
        ON outbox_message (created_at) WHERE published_at IS NULL`);
    // Wakes the relay at commit time; polling stays the fallback.
    await queryRunner.query(`
      CREATE FUNCTION outbox_message_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_message', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_message_notify AFTER INSERT ON outbox_message
        FOR EACH STATEMENT EXECUTE FUNCTION outbox_message_notify()`);

    await queryRunner.query(`
      CREATE TABLE inbox_message (
        consumer text NOT NULL,
        message_id text NOT NULL,
        subject text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE dead_letter (
        id bigserial PRIMARY KEY,
        consumer text NOT NULL,
        message_id text,
        subject text NOT NULL,
        stream_sequence bigint,
        payload text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        error text NOT NULL,
        attempts integer NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(),
        redriven_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE INDEX dead_letter_open_idx ON dead_letter (consumer, failed_at) WHERE redriven_at IS NULL`);
  }

  /** Drops what up() created. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dead_letter');
    await queryRunner.query('DROP TABLE inbox_message');
    await queryRunner.query('DROP TRIGGER outbox_message_notify ON outbox_message');
    await queryRunner.query('DROP FUNCTION outbox_message_notify()');
    await queryRunner.query('DROP TABLE outbox_message');
  }
}
