import type { CursorPosition, EscalationLevel } from '@polku/contracts';
import { keysetAfter, keysetTimestampSql } from '@polku/persistence';
import type { DataSource, EntityManager } from 'typeorm';

type Runner = EntityManager | DataSource;

export interface ActionItemRow {
  id: string;
  path_id: string;
  meeting_id: string | null;
  description: string;
  owner_org_id: string;
  owner_worker_id: string;
  due_date: string;
  assigned_by_org_id: string;
  assigned_at: Date;
  consent_ref: string | null;
  legal_basis: string | null;
  escalation_level: EscalationLevel | null;
  completed_at: Date | null;
  completed_by_org_id: string | null;
  /** Raised by each change a caller makes; the ETag a caller sends back in If-Match. */
  version: number;
}

const COLUMNS = `id, path_id, meeting_id, description, owner_org_id, owner_worker_id,
  to_char(due_date, 'YYYY-MM-DD') AS due_date, assigned_by_org_id, assigned_at, consent_ref,
  legal_basis, escalation_level, completed_at, completed_by_org_id, version`;

export interface NewActionItem {
  readonly id: string;
  readonly pathId: string;
  readonly meetingId: string | null;
  readonly description: string;
  readonly ownerOrgId: string;
  readonly ownerWorkerId: string;
  readonly dueDate: string;
  readonly assignedByOrgId: string;
  readonly assignedAt: Date;
  readonly consentRef: string | null;
  readonly legalBasis: string | null;
}

export async function insertActionItem(
  em: EntityManager,
  item: NewActionItem,
): Promise<ActionItemRow> {
  const [row] = await em.query<ActionItemRow[]>(
    `INSERT INTO action_item (id, path_id, meeting_id, description, owner_org_id,
       owner_worker_id, due_date, assigned_by_org_id, assigned_at, consent_ref, legal_basis)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
    [
      item.id,
      item.pathId,
      item.meetingId,
      item.description,
      item.ownerOrgId,
      item.ownerWorkerId,
      item.dueDate,
      item.assignedByOrgId,
      item.assignedAt,
      item.consentRef,
      item.legalBasis,
    ],
  );
  return row;
}

export async function actionItemForUpdate(
  em: EntityManager,
  { pathId, actionItemId }: { pathId: string; actionItemId: string },
): Promise<ActionItemRow | undefined> {
  const [row] = await em.query<ActionItemRow[]>(
    `SELECT ${COLUMNS} FROM action_item WHERE id = $1 AND path_id = $2 FOR UPDATE`,
    [actionItemId, pathId],
  );
  return row;
}

export async function markActionItemCompleted(
  em: EntityManager,
  done: { actionItemId: string; completedAt: Date; orgId: string },
): Promise<ActionItemRow> {
  const [[row]] = await em.query<[ActionItemRow[], number]>(
    `UPDATE action_item SET completed_at = $2, completed_by_org_id = $3, version = version + 1
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [done.actionItemId, done.completedAt, done.orgId],
  );
  return row;
}

/** The item locked for its escalation timer, by id alone (the timer carries it). */
export async function actionItemByIdForUpdate(
  em: EntityManager,
  actionItemId: string,
): Promise<ActionItemRow | undefined> {
  const [row] = await em.query<ActionItemRow[]>(
    `SELECT ${COLUMNS} FROM action_item WHERE id = $1 FOR UPDATE`,
    [actionItemId],
  );
  return row;
}

/** Records the rung an item climbed to. */
export async function markEscalated(
  em: EntityManager,
  { actionItemId, level }: { actionItemId: string; level: EscalationLevel },
): Promise<void> {
  await em.query(`UPDATE action_item SET escalation_level = $2 WHERE id = $1`, [
    actionItemId,
    level,
  ]);
}

/** The ordering of a path's action items, soonest due first; a cursor of another list is refused. */
export const ACTION_ITEMS_SORT = 'action-items-soonest-due';

/** One page of the path's action items by (due_date, assigned_at, id): limit + 1 rows. */
export async function actionItemPageOfPath(
  runner: Runner,
  query: { readonly pathId: string; readonly limit: number; readonly after?: CursorPosition },
): Promise<(ActionItemRow & { assigned_key: string })[]> {
  const after = keysetAfter(query.after, { keys: ['date', 'timestamp'], id: 'uuid' });
  return runner.query<(ActionItemRow & { assigned_key: string })[]>(
    `SELECT ${COLUMNS}, ${keysetTimestampSql('assigned_at')} AS assigned_key
       FROM action_item
      WHERE path_id = $1
        AND ($2::date IS NULL OR (due_date, assigned_at, id) > ($2, $3::timestamptz, $4::uuid))
      ORDER BY due_date, assigned_at, id LIMIT $5`,
    [
      query.pathId,
      after?.keyParts[0] ?? null,
      after?.keyParts[1] ?? null,
      after?.id ?? null,
      query.limit + 1,
    ],
  );
}
