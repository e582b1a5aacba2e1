import type { EntityManager } from 'typeorm';
import {
  type NotificationSettingRow,
  SETTING_COLUMNS,
} from '../notification-settings/notification-setting.repository';
import { HAS_NEW_ITEMS_SQL } from './digest-counts.repository';

/**
 * The next IMMEDIATE user due a mail: unread items not told yet (item_notified), and no mail within the batch window.
 * The row stays locked until the caller's transaction ends; another replica skips it (SKIP
 * LOCKED) and after the commit it is no longer due, so one mail goes, not two.
 */
export async function claimImmediate(
  em: EntityManager,
  options: { readonly sentBefore: Date; readonly skip: readonly string[] },
): Promise<NotificationSettingRow | undefined> {
  const [row] = await em.query<NotificationSettingRow[]>(
    `SELECT ${SETTING_COLUMNS} FROM notification_setting s
      WHERE s.frequency = 'IMMEDIATE' AND s.email IS NOT NULL
        AND (s.last_sent_at IS NULL OR s.last_sent_at <= $1)
        AND NOT (s.user_id = ANY($2::text[]))
        AND ${HAS_NEW_ITEMS_SQL}
      ORDER BY s.last_sent_at NULLS FIRST, s.user_id
      LIMIT 1 FOR UPDATE OF s SKIP LOCKED`,
    [options.sentBefore, [...options.skip]],
  );
  return row;
}

/** Records the time of an immediate mail (what it told is item_notified's). */
export async function recordImmediateSent(
  em: EntityManager,
  sent: { readonly userId: string; readonly at: Date },
): Promise<void> {
  await em.query('UPDATE notification_setting SET last_sent_at = $2 WHERE user_id = $1', [
    sent.userId,
    sent.at,
  ]);
}

/** The next DAILY user whose digest of `day` is not settled yet, locked as claimImmediate's. */
export async function claimDaily(
  em: EntityManager,
  options: { readonly day: string; readonly skip: readonly string[] },
): Promise<NotificationSettingRow | undefined> {
  const [row] = await em.query<NotificationSettingRow[]>(
    `SELECT ${SETTING_COLUMNS} FROM notification_setting s
      WHERE s.frequency = 'DAILY' AND s.email IS NOT NULL
        AND (s.digest_day IS NULL OR s.digest_day < $1::date)
        AND NOT (s.user_id = ANY($2::text[]))
      ORDER BY s.user_id
      LIMIT 1 FOR UPDATE OF s SKIP LOCKED`,
    [options.day, [...options.skip]],
  );
  return row;
}

/** Settles the day's digest: sent at `sentAt`, or (undefined) nothing to tell that day. */
export async function settleDaily(
  em: EntityManager,
  settled: { readonly userId: string; readonly day: string; readonly sentAt?: Date },
): Promise<void> {
  await em.query(
    `UPDATE notification_setting
        SET digest_day = $2::date, last_sent_at = COALESCE($3::timestamptz, last_sent_at)
      WHERE user_id = $1`,
    [settled.userId, settled.day, settled.sentAt ?? null],
  );
}
