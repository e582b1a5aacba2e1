/**
 * SQL references of one reader inside a query: expressions (column names or parameters, never
 * values) for the user id, their organisation and their roles (text[]).
 */
export interface ReaderRefs {
  readonly userId: string;
  readonly orgId: string;
  readonly roles: string;
}

/**
 * The condition "open work_item w (path_card p joined on its path) is in one of the reader's
 * queues" — the queue rules of docs/work-queue.md: MINE for a caseworker or team lead (named to
 * them, their path's worker, or their whole organisation), TEAM for a team lead (every item of
 * the organisation but the managers'), ORGANISATION for a manager (the managers' items and the
 * lost ones). Always the reader's own organisation only.
 */
export function addressedToSql(reader: ReaderRefs): string {
  return `(w.cleared_at IS NULL AND w.opened_at IS NOT NULL AND w.recipient_org_id = ${reader.orgId}
    AND (
      (${reader.roles} && ARRAY['CASEWORKER', 'TEAM_LEAD']::text[] AND (
        (w.recipient_kind = 'WORKER' AND w.recipient_worker_id = ${reader.userId})
        OR (w.recipient_kind = 'PATH_WORKER' AND p.worker_id = ${reader.userId})
        OR w.recipient_kind = 'ORGANISATION'))
      OR ('TEAM_LEAD' = ANY(${reader.roles}) AND w.recipient_kind <> 'MANAGER')
      OR ('MANAGER' = ANY(${reader.roles}) AND (w.recipient_kind = 'MANAGER' OR w.lost))
    ))`;
}

/** Not read by the reader since the item (re)opened. */
export function unreadBySql(userId: string): string {
  return `NOT EXISTS (SELECT 1 FROM item_read r
    WHERE r.user_id = ${userId} AND r.item_id = w.item_id AND r.read_at >= w.opened_at)`;
}
