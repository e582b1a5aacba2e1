import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The meeting record, the agreed next steps (action items) and the client-voice entries of each
 * path. Invitees, participants and decisions are kept as JSON: they are read whole with their
 * meeting and never queried by field. Client-voice text is not kept here: the event carries it
 * to the timeline, which shows it with the visibility the client chose.
 */
export class MeetingTables1764500000000 implements MigrationInterface {
  readonly name = 'MeetingTables1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        kind text NOT NULL,
        convenor text NOT NULL,
        convenor_org_id uuid NOT NULL,
        invitees jsonb NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        venue text NOT NULL,
        venue_org_id uuid,
        handoff_id uuid,
        status text NOT NULL DEFAULT 'SCHEDULED'
          CHECK (status IN ('SCHEDULED', 'HELD', 'CANCELLED')),
        scheduled_at timestamptz NOT NULL DEFAULT now(),
        held_at timestamptz,
        ended_at timestamptz,
        participants jsonb,
        client_present boolean,
        expert_present boolean,
        decisions jsonb,
        next_meeting_at timestamptz,
        cancelled_at timestamptz,
        cancellation_reason text,
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query('CREATE INDEX meeting_path_idx ON meeting (path_id, starts_at, id)');
    await queryRunner.query(`
      CREATE TABLE action_item (
        id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        meeting_id uuid REFERENCES meeting (id),
        description text NOT NULL,
        owner_org_id uuid NOT NULL,
        owner_worker_id text NOT NULL,
        due_date date NOT NULL,
        assigned_by_org_id uuid NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        -- The basis it was assigned on (exactly one), which its overdue events carry too.
        consent_ref text,
        legal_basis text,
        escalation_level text CHECK (escalation_level IN ('WORKER', 'TEAM_LEAD', 'MANAGER')),
        completed_at timestamptz,
        completed_by_org_id uuid,
        -- Raised by the owner's completion; the ETag a caller sends back in If-Match.
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(
      'CREATE INDEX action_item_path_idx ON action_item (path_id, due_date, assigned_at, id)',
    );
    await queryRunner.query(`
      CREATE TABLE client_voice_entry (
        id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        kind text NOT NULL,
        author text NOT NULL,
        visibility text NOT NULL,
        visible_to_org_ids uuid[],
        meeting_id uuid REFERENCES meeting (id),
        recorded_by_org_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX client_voice_entry_path_idx ON client_voice_entry (path_id, recorded_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE client_voice_entry');
    await queryRunner.query('DROP TABLE action_item');
    await queryRunner.query('DROP TABLE meeting');
  }
}
