import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events of other services that arrived before an event they follow (docs/transitions.md,
 * "Events from other services, and their order"): acknowledged and kept here, whole, until the
 * path absorbs an event that lets them apply. `seq` is the order of arrival they are retried
 * in; `event_id` is the envelope's id, so one event is parked once.
 */
export class ParkedEventTable1764900000000 implements MigrationInterface {
  readonly name = 'ParkedEventTable1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE parked_event (
        event_id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        path_id uuid NOT NULL,
        subject text NOT NULL,
        event_type text NOT NULL,
        envelope jsonb NOT NULL,
        waits_for text,
        parked_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A path's parked events, in order of arrival: read whenever the path absorbs an event.
    await queryRunner.query('CREATE INDEX parked_event_path_idx ON parked_event (path_id, seq)');
    // The alarm looks for the oldest park.
    await queryRunner.query('CREATE INDEX parked_event_parked_at_idx ON parked_event (parked_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE parked_event');
  }
}
