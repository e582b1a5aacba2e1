import type { CursorPosition } from '@polku/contracts';
import { keysetAfter } from '@polku/persistence';
import type { EntityManager } from 'typeorm';

/** A task as stored. */
export interface ReferrerTaskRow {
  id: string;
  path_id: string;
  referral_id: string;
  kind: string;
  due_date: string;
  status: string;
}

/**
 * What a task asks of its organisation: find another path for a declined referral; or decide
 * on a referral of the client of a path it owns, made by another organisation (docs/auth.md).
 */
export type ReferrerTaskKind = 'FIND_ANOTHER_PATH' | 'LINK_REFERRAL';

export async function insertReferrerTask(
  em: EntityManager,
  task: {
    readonly id: string;
    readonly kind: ReferrerTaskKind;
    readonly pathId: string;
    readonly referralId: string;
    readonly ownerOrgId: string;
    readonly dueDate: string;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO referrer_task (id, path_id, referral_id, owner_org_id, kind, due_date)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [task.id, task.pathId, task.referralId, task.ownerOrgId, task.kind, task.dueDate],
  );
}

/** The organisation's open LINK_REFERRAL task for a referral on its path, locked. */
export async function openLinkTaskForUpdate(
  em: EntityManager,
  task: { readonly pathId: string; readonly referralId: string; readonly ownerOrgId: string },
): Promise<{ id: string } | undefined> {
  const [row] = await em.query<{ id: string }[]>(
    `SELECT id FROM referrer_task
      WHERE path_id = $1 AND referral_id = $2 AND owner_org_id = $3
        AND kind = 'LINK_REFERRAL' AND status = 'OPEN' FOR UPDATE`,
    [task.pathId, task.referralId, task.ownerOrgId],
  );
  return row;
}

export async function markTaskDone(em: EntityManager, taskId: string): Promise<void> {
  await em.query(`UPDATE referrer_task SET status = 'DONE' WHERE id = $1`, [taskId]);
}

/**
 * Marks done the open FIND_ANOTHER_PATH tasks of a path, only the given organisation's when one
 * is named (docs/intake.md, "When a task is done"); answers how many.
 */
export async function completeFindAnotherPathTasks(
  em: EntityManager,
  task: { readonly pathId: string; readonly ownerOrgId?: string },
): Promise<number> {
  const rows = await em.query<{ id: string }[]>(
    `UPDATE referrer_task SET status = 'DONE'
      WHERE path_id = $1 AND kind = 'FIND_ANOTHER_PATH' AND status = 'OPEN'
        AND ($2::uuid IS NULL OR owner_org_id = $2)
      RETURNING id`,
    [task.pathId, task.ownerOrgId ?? null],
  );
  return rows.length;
}

/** The ordering of an organisation's open tasks, soonest due first. */
export const OPEN_TASKS_SORT = 'open-tasks-soonest-due';

/**
 * One page of the organisation's open tasks, soonest due first by (due_date, id): limit + 1
 * rows; a row's cursor key is its due date.
 */
export async function openTaskPageOfOrganisation(
  em: EntityManager,
  query: { readonly orgId: string; readonly limit: number; readonly after?: CursorPosition },
): Promise<ReferrerTaskRow[]> {
  const after = keysetAfter(query.after, { keys: ['date'], id: 'uuid' });
  return em.query<ReferrerTaskRow[]>(
    `SELECT id, path_id, referral_id, kind, to_char(due_date, 'YYYY-MM-DD') AS due_date, status
       FROM referrer_task
      WHERE owner_org_id = $1 AND status = 'OPEN'
        AND ($2::date IS NULL OR (due_date, id) > ($2, $3::uuid))
      ORDER BY due_date, id LIMIT $4`,
    [query.orgId, after?.keyParts[0] ?? null, after?.id ?? null, query.limit + 1],
  );
}
