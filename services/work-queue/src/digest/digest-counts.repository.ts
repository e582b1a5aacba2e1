import type { EntityManager } from 'typeorm';
import type { NotificationSettingRow } from '../notification-settings/notification-setting.repository';
import { readerQueuesSql, unreadBySql } from './addressed-to';
import type { NewItemCount, OpenItemCount } from './digest-composer';

const READER = readerQueuesSql({ userId: '$1', orgId: '$2', roles: '$3::text[]' });
const UNREAD = unreadBySql('$1');

/** New, unread items of the reader's queues since their watermark, and the newest one's time. */
export interface NewItems {
  readonly counts: NewItemCount[];
  readonly newestOpenedAt: Date | null;
}

/** Items opened after the user's last_item_seen_at, still open and unread, per kind. */
export async function newItemsOf(
  em: EntityManager,
  setting: NotificationSettingRow,
): Promise<NewItems> {
  const rows = await em.query<{ kind: string; count: number; newest: Date }[]>(
    `SELECT i.kind, count(*)::int AS count, max(i.opened_at) AS newest
       FROM open_work_item i
      WHERE ${READER} AND ${UNREAD}
        AND ($4::timestamptz IS NULL OR i.opened_at > $4::timestamptz)
      GROUP BY i.kind`,
    [setting.user_id, setting.org_id, setting.roles, setting.last_item_seen_at],
  );
  const newest = rows.reduce<Date | null>(
    (latest, row) => (latest === null || row.newest > latest ? row.newest : latest),
    null,
  );
  return { counts: rows.map(({ kind, count }) => ({ kind, count })), newestOpenedAt: newest };
}

/** The reader's open items per kind, with those overdue on `today` and those unread. */
export async function openItemsOf(
  em: EntityManager,
  setting: NotificationSettingRow,
  today: string,
): Promise<OpenItemCount[]> {
  return em.query<OpenItemCount[]>(
    `SELECT i.kind, count(*)::int AS open,
            (count(*) FILTER (WHERE i.due_date < $4::date))::int AS overdue,
            (count(*) FILTER (WHERE ${UNREAD}))::int AS unread
       FROM open_work_item i
      WHERE ${READER}
      GROUP BY i.kind`,
    [setting.user_id, setting.org_id, setting.roles, today],
  );
}

/** The same condition for the claim: whether the setting s has any new item to tell. */
export const HAS_NEW_ITEMS_SQL = `EXISTS (
  SELECT 1 FROM open_work_item i
   WHERE ${readerQueuesSql({ userId: 's.user_id', orgId: 's.org_id', roles: 's.roles' })}
     AND ${unreadBySql('s.user_id')}
     AND (s.last_item_seen_at IS NULL OR i.opened_at > s.last_item_seen_at))`;
