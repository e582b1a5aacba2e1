import type { EntityManager } from 'typeorm';
import type { NotificationSettingRow } from '../notification-settings/notification-setting.repository';
import { readerQueuesSql, unreadBySql } from './addressed-to';
import type { NewItemCount, OpenItemCount } from './digest-composer';
import { notToldSql, type ToldItem } from './item-notified.repository';

const READER = readerQueuesSql({ userId: '$1', orgId: '$2', roles: '$3::text[]' });
const UNREAD = unreadBySql('$1');

/** New items of the reader's queues: the counts of the mail and the items to record as told. */
export interface NewItems {
  readonly counts: NewItemCount[];
  readonly items: ToldItem[];
}

/**
 * The open, unread items of the user's queues they have not been told of as they are now
 * (item_notified), whenever their events were projected: an item whose event came late is news
 * in the next mail, however old its opened_at. Read in the claim's transaction; the caller
 * records exactly these as told, so an item projected meanwhile waits for the next mail.
 */
export async function newItemsOf(
  em: EntityManager,
  setting: NotificationSettingRow,
): Promise<NewItems> {
  const items = await em.query<ToldItem[]>(
    `SELECT i.item_id, i.kind, i.opened_at
       FROM open_work_item i
      WHERE ${READER} AND ${UNREAD} AND ${notToldSql('$1')}
      ORDER BY i.item_id`,
    [setting.user_id, setting.org_id, setting.roles],
  );
  const perKind = new Map<string, number>();
  for (const item of items) {
    perKind.set(item.kind, (perKind.get(item.kind) ?? 0) + 1);
  }
  return { counts: [...perKind].map(([kind, count]) => ({ kind, count })), items };
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
     AND ${notToldSql('s.user_id')})`;
