import type { EntityManager } from 'typeorm';

export interface ReferrerTaskRow {
  id: string;
  path_id: string;
  referral_id: string;
  kind: string;
  due_date: string;
  status: string;
}

export async function insertFindAnotherPathTask(
  em: EntityManager,
  task: {
    readonly id: string;
    readonly pathId: string;
    readonly referralId: string;
    readonly ownerOrgId: string;
    readonly dueDate: string;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO referrer_task (id, path_id, referral_id, owner_org_id, kind, due_date)
     VALUES ($1, $2, $3, $4, 'FIND_ANOTHER_PATH', $5)`,
    [task.id, task.pathId, task.referralId, task.ownerOrgId, task.dueDate],
  );
}

/** The organisation's open tasks, soonest due first. */
export async function openTasksOfOrganisation(
  em: EntityManager,
  orgId: string,
): Promise<ReferrerTaskRow[]> {
  return em.query<ReferrerTaskRow[]>(
    `SELECT id, path_id, referral_id, kind, to_char(due_date, 'YYYY-MM-DD') AS due_date, status
       FROM referrer_task WHERE owner_org_id = $1 AND status = 'OPEN'
      ORDER BY due_date, id`,
    [orgId],
  );
}
