import type {
  CursorPosition,
  GoalProgressAssessor,
  PlanPart,
  PlanRevisionReason,
} from '@polku/contracts';
import { keysetAfter } from '@polku/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { GasScaleLevels, PlanContent, PlanGoalEntry } from './plan-content';

// SQL of the plan aggregate only. Dates are read as `YYYY-MM-DD` text (to_char), never as JS
// Dates, which node-postgres would place at local midnight and so move by a day off Helsinki.

type Runner = EntityManager | DataSource;

export interface PlanRow {
  id: string;
  path_id: string;
  version: number;
  review_date: string;
  created_at: Date;
  updated_at: Date;
}

export interface PlanVersionRow {
  version: number;
  content: PlanContent;
  changed: PlanPart[];
  reason_category: PlanRevisionReason | null;
  note: string | null;
  changed_by_user_id: string;
  changed_by_org_id: string;
  changed_at: Date;
}

export interface GoalRow {
  id: string;
  plan_id: string;
  text: string;
  gas_scale: GasScaleLevels | null;
  status: 'ACTIVE' | 'DROPPED';
}

export interface LatestProgressRow {
  goal_id: string;
  gas_level: number | null;
  assessed_by: GoalProgressAssessor;
  recorded_at: Date;
}

const PLAN_COLUMNS = `id, path_id, version, to_char(review_date, 'YYYY-MM-DD') AS review_date,
  created_at, updated_at`;

/** The path's plan. */
export async function planOfPath(runner: Runner, pathId: string): Promise<PlanRow | undefined> {
  const [row] = await runner.query<PlanRow[]>(
    `SELECT ${PLAN_COLUMNS} FROM activation_plan WHERE path_id = $1`,
    [pathId],
  );
  return row;
}

/** The path's plan, locked for the transaction, so revisions of one plan run one at a time. */
export async function planOfPathForUpdate(
  em: EntityManager,
  pathId: string,
): Promise<PlanRow | undefined> {
  const [row] = await em.query<PlanRow[]>(
    `SELECT ${PLAN_COLUMNS} FROM activation_plan WHERE path_id = $1 FOR UPDATE`,
    [pathId],
  );
  return row;
}

/** Creates the path's one plan at version 1; undefined when the path already has a plan. */
export async function insertPlan(
  em: EntityManager,
  plan: { id: string; pathId: string; reviewDate: string; agreedByOrgId: string },
): Promise<PlanRow | undefined> {
  const [row] = await em.query<PlanRow[]>(
    `INSERT INTO activation_plan (id, path_id, review_date, agreed_by_org_id, created_at,
       updated_at)
     VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (path_id) DO NOTHING RETURNING ${PLAN_COLUMNS}`,
    [plan.id, plan.pathId, plan.reviewDate, plan.agreedByOrgId, new Date()],
  );
  return row;
}

export async function insertPlanVersion(
  em: EntityManager,
  version: {
    planId: string;
    version: number;
    content: PlanContent;
    changed: readonly PlanPart[];
    reasonCategory: PlanRevisionReason | null;
    note: string | null;
    userId: string;
    orgId: string;
  },
): Promise<void> {
  await em.query(
    // changed_at is compared with the times of events (path-stage.repository.ts), so it comes
    // from the process's clock as they do, never PostgreSQL's now() (the demo's clock is
    // simulated: docs/adr/0018-simulated-clock-for-demo-data.md).
    `INSERT INTO plan_version (plan_id, version, content, changed, reason_category, note,
       changed_by_user_id, changed_by_org_id, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      version.planId,
      version.version,
      JSON.stringify(version.content),
      version.changed,
      version.reasonCategory,
      version.note,
      version.userId,
      version.orgId,
      new Date(),
    ],
  );
}

export async function planVersion(
  runner: Runner,
  { planId, version }: { planId: string; version: number },
): Promise<PlanVersionRow> {
  const [row] = await runner.query<PlanVersionRow[]>(
    `SELECT version, content, changed, reason_category, note, changed_by_user_id,
            changed_by_org_id, changed_at
       FROM plan_version WHERE plan_id = $1 AND version = $2`,
    [planId, version],
  );
  if (row === undefined) {
    // activation_plan.version always names a stored version; anything else is corruption.
    throw new Error(`plan ${planId} has no version ${version}`);
  }
  return row;
}

/** The ordering of a plan's history, oldest version first; a cursor of another list is refused. */
export const PLAN_HISTORY_SORT = 'plan-versions-oldest-first';

/**
 * One page of a plan's versions, oldest first: limit + 1 rows after the version the cursor
 * names. The version number is the key: it never repeats within a plan.
 */
export async function planVersionPage(
  runner: Runner,
  query: { readonly planId: string; readonly limit: number; readonly after?: CursorPosition },
): Promise<PlanVersionRow[]> {
  const after = keysetAfter(query.after, { keys: ['integer'], id: 'same-as-key' });
  return runner.query<PlanVersionRow[]>(
    `SELECT version, content, changed, reason_category, note, changed_by_user_id,
            changed_by_org_id, changed_at
       FROM plan_version WHERE plan_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
    [query.planId, Number(after?.keyParts[0] ?? 0), query.limit + 1],
  );
}

/**
 * Brings the goal rows in line with a new version: new goals are inserted, changed ones
 * updated (their progress records stay with them), goals left out are DROPPED, never deleted.
 */
export async function saveGoals(
  em: EntityManager,
  options: {
    planId: string;
    version: number;
    setAnew: readonly PlanGoalEntry[];
    previous: readonly PlanGoalEntry[];
    next: readonly PlanGoalEntry[];
  },
): Promise<void> {
  const existing = new Set(options.previous.map((goal) => goal.goalId));
  for (const goal of options.setAnew) {
    const gasScale = goal.gasScale === null ? null : JSON.stringify(goal.gasScale);
    if (existing.has(goal.goalId)) {
      await em.query(
        `UPDATE goal SET text = $2, gas_scale = $3, set_in_version = $4, updated_at = now()
          WHERE id = $1`,
        [goal.goalId, goal.text, gasScale, options.version],
      );
    } else {
      await em.query(
        `INSERT INTO goal (id, plan_id, text, gas_scale, set_in_version)
         VALUES ($1, $2, $3, $4, $5)`,
        [goal.goalId, options.planId, goal.text, gasScale, options.version],
      );
    }
  }
  const kept = options.next.map((goal) => goal.goalId);
  await em.query(
    `UPDATE goal SET status = 'DROPPED', updated_at = now()
      WHERE plan_id = $1 AND status = 'ACTIVE' AND NOT (id = ANY($2::uuid[]))`,
    [options.planId, kept],
  );
}

/** The goal of a path's plan, locked, or undefined when the path's plan has no such goal. */
export async function goalOfPath(
  em: EntityManager,
  { pathId, goalId }: { pathId: string; goalId: string },
): Promise<GoalRow | undefined> {
  const [row] = await em.query<GoalRow[]>(
    `SELECT g.id, g.plan_id, g.text, g.gas_scale, g.status
       FROM goal g JOIN activation_plan p ON p.id = g.plan_id
      WHERE g.id = $1 AND p.path_id = $2 FOR UPDATE OF g`,
    [goalId, pathId],
  );
  return row;
}

export async function insertGoalProgress(
  em: EntityManager,
  progress: {
    id: string;
    goalId: string;
    gasLevel: number | null;
    assessedBy: GoalProgressAssessor;
    recordedAt: Date;
    orgId: string;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO goal_progress (id, goal_id, gas_level, assessed_by, recorded_at,
       recorded_by_org_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      progress.id,
      progress.goalId,
      progress.gasLevel,
      progress.assessedBy,
      progress.recordedAt,
      progress.orgId,
    ],
  );
}

/** The latest progress record of each goal of a plan that has one. */
export async function latestGoalProgress(
  runner: Runner,
  planId: string,
): Promise<LatestProgressRow[]> {
  return runner.query<LatestProgressRow[]>(
    `SELECT DISTINCT ON (gp.goal_id) gp.goal_id, gp.gas_level, gp.assessed_by, gp.recorded_at
       FROM goal_progress gp JOIN goal g ON g.id = gp.goal_id
      WHERE g.plan_id = $1
      ORDER BY gp.goal_id, gp.recorded_at DESC, gp.id DESC`,
    [planId],
  );
}
