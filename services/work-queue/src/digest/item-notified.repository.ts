import type { EntityManager } from 'typeorm';
import type { NotificationSettingRow } from '../notification-settings/notification-setting.repository';
import { readerQueuesSql } from './addressed-to';

/** An item an immediate mail counts: its kind for the mail, its opening for the record. */
export interface ToldItem {
  readonly item_id: string;
  readonly kind: string;
  readonly opened_at: Date;
}

/**
 * The condition "the user has not been told of open item i as it is now": no item_notified row,
 * or one of an earlier opening (a PATH_STEP whose step or due date changed, a new
 * MeasureEndingSoon reminder: opened_at moved, the item is news again). `>=` rather than `=`:
 * an opening older than the one told (a replay passing through an earlier state) is no news.
 */
export function notToldSql(userId: string): string {
  return `NOT EXISTS (SELECT 1 FROM item_notified n
                       WHERE n.user_id = ${userId} AND n.item_id = i.item_id
                         AND n.opened_at >= i.opened_at)`;
}

/** Records that the user was told of these items at `at`, as opened at the time counted. */
export async function recordTold(
  em: EntityManager,
  userId: string,
  items: readonly ToldItem[],
  at: Date,
): Promise<void> {
  if (items.length === 0) {
    return;
  }
  await em.query(
    `INSERT INTO item_notified AS n (user_id, item_id, opened_at, notified_at)
     SELECT $1, t.item_id, t.opened_at, $4
       FROM unnest($2::uuid[], $3::timestamptz[]) AS t(item_id, opened_at)
     ON CONFLICT (user_id, item_id) DO UPDATE
       SET opened_at = GREATEST(n.opened_at, EXCLUDED.opened_at), notified_at = EXCLUDED.notified_at`,
    [userId, items.map((item) => item.item_id), items.map((item) => item.opened_at), at],
  );
}

/**
 * Forgets what the user was told of items that have been cleared. Only a cleared row of
 * work_item prunes: while a rebuild has emptied work_item, nothing is pruned, and the replayed
 * items are found told. An item that opens again (the same key) is news again, as it should be.
 */
export async function pruneCleared(em: EntityManager, userId: string): Promise<void> {
  await em.query(
    `DELETE FROM item_notified n USING work_item w
      WHERE n.user_id = $1 AND w.item_id = n.item_id AND w.cleared_at IS NOT NULL`,
    [userId],
  );
}

/**
 * Counts every item now open in the user's queues as told (choosing IMMEDIATE, or a change of
 * organisation or roles while IMMEDIATE): the mail is for what arrives from then on, the queue
 * itself shows what was there.
 */
export async function markOpenItemsTold(
  em: EntityManager,
  setting: Pick<NotificationSettingRow, 'user_id' | 'org_id' | 'roles'>,
  at: Date,
): Promise<void> {
  await em.query(
    `INSERT INTO item_notified AS n (user_id, item_id, opened_at, notified_at)
     SELECT $1, i.item_id, i.opened_at, $4
       FROM open_work_item i
      WHERE ${readerQueuesSql({ userId: '$1', orgId: '$2', roles: '$3::text[]' })}
     ON CONFLICT (user_id, item_id) DO UPDATE
       SET opened_at = GREATEST(n.opened_at, EXCLUDED.opened_at), notified_at = EXCLUDED.notified_at`,
    [setting.user_id, setting.org_id, setting.roles, at],
  );
}

/** Forgets everything the user was told (they no longer want immediate mail). */
export async function forgetTold(em: EntityManager, userId: string): Promise<void> {
  await em.query('DELETE FROM item_notified WHERE user_id = $1', [userId]);
}
