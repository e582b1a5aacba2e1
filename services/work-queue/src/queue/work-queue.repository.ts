import type { Principal } from '@polku/auth';
import type { ListWorkQueueQuery, WorkQueueScope } from '@polku/contracts';
import type { ServicePage } from '@polku/service-runtime';
import type { EntityManager } from 'typeorm';
import { SqlParams } from './sql-params';

/** An open item as the queue reads it from open_work_item (the migration's view). */
export interface QueueRow {
  readonly item_id: string;
  readonly kind: string;
  readonly path_id: string;
  readonly signal: string;
  readonly subject_id: string | null;
  readonly next_step: string | null;
  readonly level: string | null;
  readonly due_date: string | null;
  readonly lost: boolean;
  readonly org_id: string;
  readonly worker_id: string | null;
  readonly audience: 'WORKER' | 'ORGANISATION' | 'TEAM_LEAD' | 'MANAGER';
  readonly opened_at: Date;
  readonly unread: boolean;
  readonly sort_key: string;
}

/** The counts of a queue, per kind. */
export interface QueueCountRow {
  readonly kind: string;
  readonly total: number;
  readonly overdue: number;
  readonly unread: number;
}

/** Which open items of the caller's organisation a scope holds (docs/work-queue.md, scopes). */
// `user` gives SQL: a bound parameter for a reader's own queue, a column for the digest's users;
// called only by the scope that uses it, so an unused parameter is never bound.
export function scopeCondition(scope: WorkQueueScope, user: () => string): string {
  switch (scope) {
    case 'MINE':
      return `((i.audience = 'WORKER' AND i.worker_id = ${user()}) OR i.audience = 'ORGANISATION')`;
    case 'TEAM':
      return `i.audience <> 'MANAGER'`;
    case 'ORGANISATION':
      return `(i.audience = 'MANAGER' OR i.lost)`;
  }
}

export const unreadOf = (user: string) =>
  `NOT EXISTS (SELECT 1 FROM item_read r WHERE r.user_id = ${user} AND r.item_id = i.item_id
                 AND r.read_at >= i.opened_at)`;

/** The WHERE clause of a queue: always the caller's own organisation, then scope and filters. */
function queueWhere(
  params: SqlParams,
  principal: Principal,
  scope: WorkQueueScope,
  filters: ListWorkQueueQuery,
  today: string,
): string {
  const user = params.shared('user', principal.userId);
  const conditions = [`i.org_id = ${params.add(principal.orgId)}`, scopeCondition(scope, user)];
  if (filters.kind !== undefined) {
    conditions.push(`i.kind = ANY(${params.add(filters.kind)}::text[])`);
  }
  if (filters.overdue !== undefined) {
    const day = params.add(today);
    conditions.push(`${filters.overdue ? '' : 'NOT '}COALESCE(i.due_date < ${day}::date, false)`);
  }
  if (filters.unread !== undefined) {
    conditions.push(`${filters.unread ? '' : 'NOT '}${unreadOf(user())}`);
  }
  if (filters.lost !== undefined) {
    conditions.push(`i.lost = ${params.add(filters.lost)}`);
  }
  if (filters.pathId !== undefined) {
    conditions.push(`i.path_id = ${params.add(filters.pathId)}`);
  }
  if (filters.workerId !== undefined) {
    conditions.push(`i.worker_id = ${params.add(filters.workerId)}`);
  }
  return conditions.join(' AND ');
}

/** One page of a queue in its order: due date (overdue first), no date last, then item id. */
export async function queuePage(
  em: EntityManager,
  query: {
    principal: Principal;
    scope: WorkQueueScope;
    filters: ListWorkQueueQuery;
    today: string;
    page: ServicePage;
  },
): Promise<QueueRow[]> {
  const params = new SqlParams();
  const where = queueWhere(params, query.principal, query.scope, query.filters, query.today);
  const user = params.shared('user', query.principal.userId)();
  const after =
    query.page.after === undefined
      ? ''
      : `AND (COALESCE(i.due_date, 'infinity'::date), i.item_id) >
             (${params.add(String(query.page.after.key))}::date, ${params.add(query.page.after.id)}::uuid)`;
  return em.query<QueueRow[]>(
    `SELECT i.item_id, i.kind, i.path_id, i.signal, i.subject_id, i.next_step, i.level,
            to_char(i.due_date, 'YYYY-MM-DD') AS due_date, i.lost, i.org_id, i.worker_id,
            i.audience, i.opened_at, ${unreadOf(user)} AS unread,
            COALESCE(i.due_date, 'infinity'::date)::text AS sort_key
       FROM open_work_item i
      WHERE ${where} ${after}
      ORDER BY COALESCE(i.due_date, 'infinity'::date), i.item_id
      LIMIT ${params.add(query.page.limit + 1)}`,
    params.values,
  );
}

/** The counts of a queue under the same filters, over all its pages. */
export async function queueCounts(
  em: EntityManager,
  query: {
    principal: Principal;
    scope: WorkQueueScope;
    filters: ListWorkQueueQuery;
    today: string;
  },
): Promise<QueueCountRow[]> {
  const params = new SqlParams();
  const where = queueWhere(params, query.principal, query.scope, query.filters, query.today);
  const user = params.shared('user', query.principal.userId)();
  const day = params.add(query.today);
  return em.query<QueueCountRow[]>(
    `SELECT i.kind, count(*)::int AS total,
            count(*) FILTER (WHERE i.due_date < ${day}::date)::int AS overdue,
            count(*) FILTER (WHERE ${unreadOf(user)})::int AS unread
       FROM open_work_item i WHERE ${where} GROUP BY i.kind`,
    params.values,
  );
}

/** Of `itemIds`, those open in one of the caller's scopes. */
export async function visibleItemIds(
  em: EntityManager,
  principal: Principal,
  scopes: readonly WorkQueueScope[],
  itemIds: readonly string[],
): Promise<Set<string>> {
  if (scopes.length === 0) {
    return new Set();
  }
  const params = new SqlParams();
  const user = params.shared('user', principal.userId);
  const rows = await em.query<{ item_id: string }[]>(
    `SELECT i.item_id FROM open_work_item i
      WHERE i.item_id = ANY(${params.add([...itemIds])}::uuid[])
        AND i.org_id = ${params.add(principal.orgId)}
        AND (${scopes.map((scope) => scopeCondition(scope, user)).join(' OR ')})`,
    params.values,
  );
  return new Set(rows.map((row) => row.item_id));
}

/** The caller has read these items now. */
export async function markRead(
  em: EntityManager,
  userId: string,
  itemIds: readonly string[],
): Promise<void> {
  await em.query(
    // read_at is compared with opened_at, an event's time (unreadOf): so it comes from the
    // process's clock too, never PostgreSQL's now(), which the demo's simulated clock does not move.
    `INSERT INTO item_read (user_id, item_id, read_at)
     SELECT $1, unnest($2::uuid[]), $3
     ON CONFLICT (user_id, item_id) DO UPDATE SET read_at = EXCLUDED.read_at`,
    [userId, [...itemIds], new Date()],
  );
}
