import type { EntityManager } from 'typeorm';
import type { WorkItemRow } from './work-item-rules';

const COLUMNS = `item_key AS "itemKey", kind, path_id AS "pathId", signal, subject_id AS "subjectId",
  underlying_key AS "underlyingKey", next_step AS "nextStep", level,
  to_char(due_date, 'YYYY-MM-DD') AS "dueDate", lost, recipient_org_id AS "recipientOrgId",
  recipient_kind AS "recipientKind", recipient_worker_id AS "recipientWorkerId",
  opened_at AS "openedAt", opened_event_id AS "openedEventId", cleared_at AS "clearedAt",
  cleared_event_id AS "clearedEventId"`;

type StoredRow = Omit<WorkItemRow, 'openedAt' | 'clearedAt'> & {
  openedAt: Date | null;
  clearedAt: Date | null;
};

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/**
 * Serialises the projection of each path: the consumers of different subjects run side by side,
 * and an item's opening and its clear (or a step and its escalation) must each see the other.
 * The paths are locked in one order, so two batches never wait on each other in a cycle.
 */
export async function lockPaths(em: EntityManager, pathIds: readonly string[]): Promise<void> {
  const sorted = [...new Set(pathIds)].sort();
  for (const pathId of sorted) {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('work-queue:' || $1))`, [pathId]);
  }
}

/** The item with this key, if any row (open, cleared or a tombstone) has it. */
export async function findItem(em: EntityManager, key: string): Promise<WorkItemRow | undefined> {
  const [row] = await em.query<StoredRow[]>(
    `SELECT ${COLUMNS} FROM work_item WHERE item_key = $1`,
    [key],
  );
  return row === undefined
    ? undefined
    : { ...row, openedAt: iso(row.openedAt), clearedAt: iso(row.clearedAt) };
}

/**
 * The item id of a key: the md5 of the key shaped as an RFC 9562 version-8 UUID (version and
 * variant bits set), so that every id passes the uuid checks of the commands that name items
 * (MarkItemsReadCommand); a raw md5 read as a uuid fails them for most keys.
 */
const ITEM_ID_OF_KEY = `(SELECT (substr(h, 1, 12) || '8' || substr(h, 14, 3)
     || substr('89ab', ('x' || substr(h, 17, 1))::bit(4)::int % 4 + 1, 1) || substr(h, 18))::uuid
   FROM (SELECT md5('work-item:' || $1) AS h) AS digest)`;

/**
 * Writes an item. Its id is derived from its key, so the same item has the same id after a
 * rebuild by replay (a read marker still finds it, a link to it still holds).
 */
export async function saveItem(em: EntityManager, row: WorkItemRow): Promise<void> {
  await em.query(
    `INSERT INTO work_item (item_id, item_key, kind, path_id, signal, subject_id, underlying_key,
            next_step, level, due_date, lost, recipient_org_id, recipient_kind, recipient_worker_id,
            opened_at, opened_event_id, cleared_at, cleared_event_id, updated_at)
     VALUES (${ITEM_ID_OF_KEY}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
             $14, $15, $16, $17, now())
     ON CONFLICT (item_key) DO UPDATE SET kind = EXCLUDED.kind, path_id = EXCLUDED.path_id,
            signal = EXCLUDED.signal, subject_id = EXCLUDED.subject_id,
            underlying_key = EXCLUDED.underlying_key, next_step = EXCLUDED.next_step,
            level = EXCLUDED.level, due_date = EXCLUDED.due_date, lost = EXCLUDED.lost,
            recipient_org_id = EXCLUDED.recipient_org_id, recipient_kind = EXCLUDED.recipient_kind,
            recipient_worker_id = EXCLUDED.recipient_worker_id, opened_at = EXCLUDED.opened_at,
            opened_event_id = EXCLUDED.opened_event_id, cleared_at = EXCLUDED.cleared_at,
            cleared_event_id = EXCLUDED.cleared_event_id, updated_at = now()`,
    [
      row.itemKey,
      row.kind,
      row.pathId,
      row.signal,
      row.subjectId,
      row.underlyingKey,
      row.nextStep,
      row.level,
      row.dueDate,
      row.lost,
      row.recipientOrgId,
      row.recipientKind,
      row.recipientWorkerId,
      row.openedAt,
      row.openedEventId,
      row.clearedAt,
      row.clearedEventId,
    ],
  );
}

/** Clears the items that depend on a cleared one (its escalations), with the same clear. */
export async function clearDependents(em: EntityManager, item: WorkItemRow): Promise<void> {
  if (item.clearedAt === null) {
    return;
  }
  await em.query(
    `UPDATE work_item SET cleared_at = $2, cleared_event_id = $3, updated_at = now()
      WHERE underlying_key = $1 AND (cleared_at IS NULL OR cleared_at > $2)`,
    [item.itemKey, item.clearedAt, item.clearedEventId],
  );
}
