import type { EntityManager } from 'typeorm';
import { findItem, saveItem } from './work-item.repository';
import { decidePathStep, type PathStepSource } from './path-step-rules';

/**
 * The PATH_STEP item of a path from its card (the highest NextStepSet) and its history: open
 * with the step while the path is open, dated from the first version of the run that has had
 * this step and due date (so it is unread again exactly when they change, in whatever order the
 * versions arrive); cleared by the version that closed or re-entered the path.
 */
export async function syncPathStep(em: EntityManager, pathId: string): Promise<void> {
  const [source] = await em.query<PathStepSource[]>(
    `SELECT c.state, c.accountable_org_id AS "accountableOrgId", c.next_step AS "nextStep",
            to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate", c.level,
            cur.occurred_at AS "versionAt", cur.event_id AS "versionEventId",
            run.occurred_at AS "runAt", run.event_id AS "runEventId"
       FROM path_card c
       JOIN path_step cur ON cur.path_id = c.path_id AND cur.path_version = c.path_version
       LEFT JOIN LATERAL (
         SELECT s.occurred_at, s.event_id FROM path_step s
          WHERE s.path_id = c.path_id AND s.path_version <= c.path_version
            AND (s.next_step, s.due_date) IS NOT DISTINCT FROM (c.next_step, c.due_date)
            AND NOT EXISTS (
              SELECT 1 FROM path_step x
               WHERE x.path_id = s.path_id AND x.path_version > s.path_version
                 AND x.path_version <= c.path_version
                 AND (x.next_step, x.due_date) IS DISTINCT FROM (c.next_step, c.due_date))
          ORDER BY s.path_version LIMIT 1) run ON true
      WHERE c.path_id = $1`,
    [pathId],
  );
  if (source === undefined) {
    return;
  }
  const existing = await findItem(em, `PATH_STEP:${pathId}`);
  const row = decidePathStep(pathId, normalised(source), existing);
  if (row !== undefined) {
    await saveItem(em, row);
  }
}

function normalised(source: PathStepSource): PathStepSource {
  const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : (value as string));
  return { ...source, versionAt: iso(source.versionAt), runAt: iso(source.runAt) };
}

/**
 * Clears what the path's course has acted on: a late step's escalation once a later NextStepSet
 * gives another step or due date, and a measure-ending reminder once the path has left
 * IN_MEASURE and PAUSED. The clear is the earliest such NextStepSet after the item opened, so it
 * is the same whatever the order of arrival.
 */
export async function clearByCourse(em: EntityManager, pathId: string): Promise<void> {
  await em.query(
    `UPDATE work_item w SET cleared_at = s.occurred_at, cleared_event_id = s.event_id,
            updated_at = now()
       FROM work_item o
       CROSS JOIN LATERAL (
         SELECT x.occurred_at, x.event_id FROM path_step x
          WHERE x.path_id = o.path_id AND x.occurred_at >= o.opened_at
            AND CASE o.signal
                  WHEN 'NextStepOverdue'
                    THEN (x.next_step, x.due_date) IS DISTINCT FROM (o.next_step, o.due_date)
                  ELSE x.state NOT IN ('IN_MEASURE', 'PAUSED') END
          ORDER BY x.occurred_at, x.event_id LIMIT 1) s
      WHERE w.item_id = o.item_id AND o.path_id = $1
        AND o.signal IN ('NextStepOverdue', 'MeasureEndingSoon') AND o.opened_at IS NOT NULL
        AND (o.cleared_at IS NULL OR o.cleared_at > s.occurred_at)`,
    [pathId],
  );
}

/**
 * Clears a plan's review items (PLAN_REVIEW and its escalation) once the plan has been agreed
 * or revised at or after the review came due: whichever of them arrives first.
 */
export async function clearReviewedPlans(em: EntityManager, pathId: string): Promise<void> {
  await em.query(
    `UPDATE work_item w SET cleared_at = p.agreed_at, cleared_event_id = p.agreed_event_id,
            updated_at = now()
       FROM path_plan p
      WHERE w.path_id = $1 AND p.path_id = w.path_id AND p.plan_id::text = w.subject_id
        AND w.signal IN ('PlanReviewDue', 'PlanReviewOverdue') AND w.opened_at IS NOT NULL
        AND w.cleared_at IS NULL AND p.agreed_at >= w.opened_at`,
    [pathId],
  );
}
