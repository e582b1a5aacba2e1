import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared timeline (docs/meetings.md): one row per event of any service, written once
 * (event_id UNIQUE) by projectTimeline. Other features read it by these columns. Pages are read
 * per path in (occurred_at, position) order, catch-up in position order: one index each. The
 * decision links of held meetings (MeetingDecisionCarriedOut) are kept beside it.
 */
export class TimelineEntry1765100000000 implements MigrationInterface {
  readonly name = 'TimelineEntry1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE timeline_entry (
        position bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        path_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        event_type text NOT NULL,
        subject text NOT NULL,
        kind text NOT NULL,
        data_class text NOT NULL,
        source_org_id uuid NOT NULL,
        source_org_role text NOT NULL,
        summary text NOT NULL,
        data jsonb NOT NULL,
        client_voice_visibility text NULL,
        client_voice_org_ids uuid[] NULL
      )`);
    // A page is one range scan of the path in (occurred_at, position) order, in either
    // direction, that stops after limit + 1 rows the caller may see.
    await queryRunner.query(
      'CREATE INDEX timeline_entry_path_time_idx ON timeline_entry (path_id, occurred_at, position)',
    );
    await queryRunner.query(
      'CREATE INDEX timeline_entry_path_position_idx ON timeline_entry (path_id, position)',
    );
    // A meeting's decision is linked to what carried it out once: the row is the lock that
    // refuses a second link even before the first one's event is back on the timeline.
    await queryRunner.query(`
      CREATE TABLE meeting_decision_link (
        decision_id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL,
        path_id uuid NOT NULL,
        event_id uuid NOT NULL,
        linked_by_org_id uuid NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE meeting_decision_link');
    await queryRunner.query('DROP TABLE timeline_entry');
  }
}
