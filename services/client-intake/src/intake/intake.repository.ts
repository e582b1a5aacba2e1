import type { BasicNeedIssueInput } from '@polku/contracts';
import type { EntityManager } from 'typeorm';

export interface ActionItemRow {
  id: string;
  issue_id: string;
  kind: string;
  owner_org_id: string;
  due_date: string | null;
  status: string;
  resolution: string | null;
  /** 1 when flagged; one more with each change (its resolution), for If-Match. */
  version: number;
}

export interface AssessmentRow {
  id: string;
  situation: object;
  basics: object;
  completed_by_org_id: string;
  completed_at: Date;
}

const ACTION_ITEM_COLUMNS = `id, issue_id, kind, owner_org_id,
  to_char(due_date, 'YYYY-MM-DD') AS due_date, status, resolution, version`;

export async function insertAssessment(
  em: EntityManager,
  assessment: {
    readonly id: string;
    readonly pathId: string;
    readonly situation: object;
    readonly basics: object;
    readonly completedByUser: string;
    readonly completedByOrgId: string;
  },
): Promise<void> {
  await em.query(
    // completed_at from the process's clock like the event's time, not PostgreSQL's now().
    `INSERT INTO intake_assessment (id, path_id, situation, basics, completed_by_user,
       completed_by_org_id, completed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      assessment.id,
      assessment.pathId,
      assessment.situation,
      assessment.basics,
      assessment.completedByUser,
      assessment.completedByOrgId,
      new Date(),
    ],
  );
}

export async function insertActionItem(
  em: EntityManager,
  item: {
    readonly id: string;
    readonly pathId: string;
    readonly issueId: string;
    readonly issue: BasicNeedIssueInput;
  },
): Promise<ActionItemRow> {
  const [row] = await em.query<ActionItemRow[]>(
    `INSERT INTO action_item (id, path_id, issue_id, kind, owner_org_id, due_date)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ACTION_ITEM_COLUMNS}`,
    [
      item.id,
      item.pathId,
      item.issueId,
      item.issue.kind,
      item.issue.ownerOrgId,
      item.issue.dueDate ?? null,
    ],
  );
  return row;
}

/**
 * The action item of the path, locked so that the version compared under the lock is the one
 * the resolution changes; its due date is not read.
 */
export async function actionItemOfPathForUpdate(
  em: EntityManager,
  item: { readonly pathId: string; readonly actionItemId: string },
): Promise<ActionItemRow | undefined> {
  const [row] = await em.query<ActionItemRow[]>(
    `SELECT id, issue_id, kind, owner_org_id, status, resolution, version, NULL AS due_date
       FROM action_item WHERE id = $1 AND path_id = $2 FOR UPDATE`,
    [item.actionItemId, item.pathId],
  );
  return row;
}

export async function markActionItemResolved(
  em: EntityManager,
  resolution: { readonly actionItemId: string; readonly resolution: string },
): Promise<ActionItemRow> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [[row]] = await em.query<[ActionItemRow[], number]>(
    `UPDATE action_item
        SET status = 'RESOLVED', resolution = $2, resolved_at = now(), version = version + 1
      WHERE id = $1 RETURNING ${ACTION_ITEM_COLUMNS}`,
    [resolution.actionItemId, resolution.resolution],
  );
  return row;
}

export async function latestAssessmentOfPath(
  em: EntityManager,
  pathId: string,
): Promise<AssessmentRow | undefined> {
  const [assessment] = await em.query<AssessmentRow[]>(
    `SELECT id, situation, basics, completed_by_org_id, completed_at FROM intake_assessment
      WHERE path_id = $1 ORDER BY completed_at DESC LIMIT 1`,
    [pathId],
  );
  return assessment;
}

export async function actionItemsOfPath(
  em: EntityManager,
  pathId: string,
): Promise<ActionItemRow[]> {
  return em.query<ActionItemRow[]>(
    `SELECT ${ACTION_ITEM_COLUMNS} FROM action_item WHERE path_id = $1 ORDER BY created_at, id`,
    [pathId],
  );
}
