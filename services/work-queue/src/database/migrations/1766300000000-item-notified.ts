import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each user has been told of by an immediate mail (docs/work-queue.md, "When mail goes"):
 * one row per user and open item, with the opened_at the mail counted, so an item counts as new
 * when it is not yet told — however late its event was projected — and again when it re-opens
 * (opened_at moves). Not a projection table: item ids are derived from the item key and survive
 * a rebuild, so a replay finds every item told and mails nothing.
 *
 * It replaces notification_setting.last_item_seen_at (an opened_at watermark, which never told
 * of an item whose event came after a newer item was mailed). The watermark's meaning is carried
 * over: every open item of an IMMEDIATE user's queues opened at or before it counts as told. The
 * queue condition is a frozen copy of digest/addressed-to.ts readerQueuesSql as of this
 * migration, so that later changes of the code do not change what this migration did.
 */
export class ItemNotified1766300000000 implements MigrationInterface {
  readonly name = 'ItemNotified1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE item_notified (
        user_id text NOT NULL,
        item_id uuid NOT NULL,
        opened_at timestamptz NOT NULL,
        notified_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, item_id)
      )`);
    await queryRunner.query(`
      INSERT INTO item_notified (user_id, item_id, opened_at, notified_at)
      SELECT s.user_id, i.item_id, i.opened_at, COALESCE(s.last_sent_at, s.updated_at)
        FROM notification_setting s
        JOIN open_work_item i
          ON i.org_id = s.org_id
         AND i.opened_at <= s.last_item_seen_at
         AND ((s.roles && ARRAY['CASEWORKER', 'TEAM_LEAD']::text[]
                AND ((i.audience = 'WORKER' AND i.worker_id = s.user_id)
                     OR i.audience = 'ORGANISATION'))
              OR (s.roles && ARRAY['TEAM_LEAD']::text[] AND i.audience <> 'MANAGER')
              OR (s.roles && ARRAY['MANAGER']::text[] AND (i.audience = 'MANAGER' OR i.lost)))
       WHERE s.frequency = 'IMMEDIATE' AND s.last_item_seen_at IS NOT NULL`);
    await queryRunner.query('ALTER TABLE notification_setting DROP COLUMN last_item_seen_at');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE notification_setting ADD COLUMN last_item_seen_at timestamptz NULL',
    );
    // The newest opening told is the closest watermark; items told out of order are lost again.
    await queryRunner.query(`
      UPDATE notification_setting s
         SET last_item_seen_at = COALESCE(
               (SELECT max(n.opened_at) FROM item_notified n WHERE n.user_id = s.user_id),
               s.updated_at)
       WHERE s.frequency = 'IMMEDIATE'`);
    await queryRunner.query('DROP TABLE item_notified');
  }
}
