import type { EntityManager } from 'typeorm';
import type { NotificationSettingRow } from '../notification-settings/notification-setting.repository';
import { addressedToSql, unreadBySql } from './addressed-to';
import type { NewItemCount, OpenItemCount } from './digest-composer';

const READER = addressedToSql({ userId: '$1', orgId: '$2', roles: '$3::text[]' });
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
    `SELECT w.kind, count(*)::int AS count, max(w.opened_at) AS newest
       FROM work_item w LEFT JOIN path_card p ON p.path_id = w.path_id
      WHERE ${READER} AND ${UNREAD}
        AND ($4::timestamptz IS NULL OR w.opened_at > $4::timestamptz)
      GROUP BY w.kind`,
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
    `SELECT w.kind, count(*)::int AS open,
            (count(*) FILTER (WHERE w.due_date < $4::date))::int AS overdue,
            (count(*) FILTER (WHERE ${UNREAD}))::int AS unread
       FROM work_item w LEFT JOIN path_card p ON p.path_id = w.path_id
      WHERE ${READER}
      GROUP BY w.kind`,
    [setting.user_id, setting.org_id, setting.roles, today],
  );
}

/** The same condition for the claim: whether the setting s has any new item to tell. */
export const HAS_NEW_ITEMS_SQL = `EXISTS (
  SELECT 1 FROM work_item w LEFT JOIN path_card p ON p.path_id = w.path_id
   WHERE ${addressedToSql({ userId: 's.user_id', orgId: 's.org_id', roles: 's.roles' })}
     AND ${unreadBySql('s.user_id')}
     AND (s.last_item_seen_at IS NULL OR w.opened_at > s.last_item_seen_at))`;
