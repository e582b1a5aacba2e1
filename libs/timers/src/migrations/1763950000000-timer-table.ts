import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The durable timers of a service, in its own database: one row per timer, fired by whichever
 * replica claims it first with FOR UPDATE SKIP LOCKED. Services add this class to their
 * migration list next to MessagingTables1763900000000.
 */
export class TimerTable1763950000000 implements MigrationInterface {
  readonly name = 'TimerTable1763950000000';

  /** Creates the timer table and its indexes. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE timer (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind <> ''),
        key text NOT NULL CHECK (key <> ''),
        due_at timestamptz NOT NULL,
        status text NOT NULL
          CHECK (status IN ('SCHEDULED', 'SUSPENDED', 'FIRED', 'CANCELLED')),
        suspended_at timestamptz,
        remaining_ms bigint,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        fired_at timestamptz,
        cancelled_at timestamptz,
        CONSTRAINT timer_suspension_ck
          CHECK ((status = 'SUSPENDED') = (suspended_at IS NOT NULL AND remaining_ms IS NOT NULL))
      )`);
    // One live timer per business key: scheduling the same key again updates it.
    await queryRunner.query(`
      CREATE UNIQUE INDEX timer_live_key_uq ON timer (key)
        WHERE status IN ('SCHEDULED', 'SUSPENDED')`);
    // The poller only ever asks for scheduled rows by due time.
    await queryRunner.query(`
      CREATE INDEX timer_due_idx ON timer (due_at) WHERE status = 'SCHEDULED'`);
  }

  /** Drops what up() created. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE timer');
  }
}
