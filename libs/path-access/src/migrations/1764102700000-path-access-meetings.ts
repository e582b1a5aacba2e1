import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Network meetings as the access policy sees them: the invited organisations are parties of the
 * path (MEETING_PARTICIPANT) from `starts_at` until the earliest of `ends_at` and `ended_at`
 * (when the meeting was held or cancelled). One row per meeting, upserted by each of its events:
 * a held or cancelled meeting may be seen before it was scheduled, so every column but the path
 * may be empty until its event comes, and the earliest end is kept.
 */
export class PathAccessMeetings1764102700000 implements MigrationInterface {
  readonly name = 'PathAccessMeetings1764102700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE path_access_meeting (
        meeting_id uuid PRIMARY KEY,
        path_id uuid NOT NULL,
        org_ids uuid[],
        starts_at timestamptz,
        ends_at timestamptz,
        ended_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX path_access_meeting_path_idx ON path_access_meeting (path_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE path_access_meeting');
  }
}
