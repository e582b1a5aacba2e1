import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's choice of e-mail notification (docs/work-queue.md, "Notifications"), keyed by the
 * pseudonymous user id of the token. org_id and roles are the principal's when the user last
 * saved the setting: the digest counts the queues those give (MINE, TEAM, ORGANISATION).
 * last_item_seen_at is the opened_at of the newest item an immediate mail has counted;
 * digest_day the Finnish day whose daily digest is settled (sent, or nothing to tell), so it is
 * never sent twice on one day, whichever replica polls.
 */
export class NotificationSetting1766200000000 implements MigrationInterface {
  readonly name = 'NotificationSetting1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification_setting (
        user_id text PRIMARY KEY,
        org_id uuid NOT NULL,
        roles text[] NOT NULL,
        frequency text NOT NULL CHECK (frequency IN ('IMMEDIATE', 'DAILY', 'NONE')),
        email text NULL,
        last_sent_at timestamptz NULL,
        last_item_seen_at timestamptz NULL,
        digest_day date NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (frequency = 'NONE' OR email IS NOT NULL)
      )`);
    // The poller reads only the users who want mail.
    await queryRunner.query(`
      CREATE INDEX notification_setting_due_idx ON notification_setting (frequency, last_sent_at)
        WHERE frequency <> 'NONE'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notification_setting');
  }
}
