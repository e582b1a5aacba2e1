import type { EntityManager } from 'typeorm';
import type { PathStageFacts } from './path-state';

// SQL of the path stage projection only. Each event writes its own column or row and never
// another's, so the facts are the same whatever order the events arrive in; a fact that can
// happen more than once (an exit) keeps the latest by when it happened.

/** The path's row, created when the first fact about it (or the first command) arrives. */
async function ensurePathRow(em: EntityManager, pathId: string): Promise<void> {
  await em.query('INSERT INTO path_stage (path_id) VALUES ($1) ON CONFLICT DO NOTHING', [pathId]);
}

export async function recordIntakeCompleted(
  em: EntityManager,
  fact: { pathId: string; at: string },
): Promise<void> {
  await ensurePathRow(em, fact.pathId);
  await em.query(
    `UPDATE path_stage SET intake_completed_at = LEAST(COALESCE(intake_completed_at, $2), $2)
      WHERE path_id = $1`,
    [fact.pathId, fact.at],
  );
}

export async function recordExit(
  em: EntityManager,
  fact: { pathId: string; at: string; category: string },
): Promise<void> {
  await ensurePathRow(em, fact.pathId);
  await em.query(
    `UPDATE path_stage SET exited_at = $2, exit_category = $3
      WHERE path_id = $1 AND (exited_at IS NULL OR exited_at < $2)`,
    [fact.pathId, fact.at, fact.category],
  );
}

export async function recordClosure(
  em: EntityManager,
  fact: { pathId: string; at: string },
): Promise<void> {
  await ensurePathRow(em, fact.pathId);
  await em.query('UPDATE path_stage SET closed_at = COALESCE(closed_at, $2) WHERE path_id = $1', [
    fact.pathId,
    fact.at,
  ]);
}

export async function recordContinuation(
  em: EntityManager,
  fact: { pathId: string; newPathId: string },
): Promise<void> {
  await ensurePathRow(em, fact.pathId);
  await em.query(
    `UPDATE path_stage SET continued_by_path_id = COALESCE(continued_by_path_id, $2)
      WHERE path_id = $1`,
    [fact.pathId, fact.newPathId],
  );
}

/** Which answer (or the proposal) of a hand-off happened when; a row may come before its proposal. */
export type HandoffFact = 'proposed_at' | 'declined_at' | 'completed_at';

export async function recordHandoffFact(
  em: EntityManager,
  fact: { pathId: string; handoffId: string; column: HandoffFact; at: string },
): Promise<void> {
  // The column is one of three literals, never caller text.
  await em.query(
    `INSERT INTO path_stage_handoff (handoff_id, path_id, ${fact.column}) VALUES ($1, $2, $3)
     ON CONFLICT (handoff_id) DO UPDATE SET ${fact.column} = EXCLUDED.${fact.column}`,
    [fact.handoffId, fact.pathId, fact.at],
  );
}

interface StageRow {
  intake_completed_at: Date | null;
  exited_at: Date | null;
  exit_category: string | null;
  closed_at: Date | null;
  continued_by_path_id: string | null;
  handoff_pending: boolean;
  last_handoff_completed_at: Date | null;
  has_plan: boolean;
  last_plan_version_at: Date | null;
  paused_measure: boolean;
  active_measure: boolean;
  last_measure_ended_at: Date | null;
}

/**
 * Locks the path's row for the transaction and reads what this service knows of the path. Every
 * command on a path takes this lock before it checks and writes, so two commands on one path
 * (two measure starts) run one after the other and the second sees the first.
 */
export async function lockedPathStageFacts(
  em: EntityManager,
  pathId: string,
): Promise<PathStageFacts> {
  await ensurePathRow(em, pathId);
  // The lock first, the facts in a statement of their own: under READ COMMITTED a statement
  // that waited for the lock still reads with the snapshot it started with, so it would miss
  // the measure the transaction that held the lock has just started.
  await em.query('SELECT 1 FROM path_stage WHERE path_id = $1 FOR UPDATE', [pathId]);
  const [row] = await em.query<StageRow[]>(
    `SELECT s.intake_completed_at, s.exited_at, s.exit_category, s.closed_at,
            s.continued_by_path_id,
            EXISTS (SELECT 1 FROM path_stage_handoff h WHERE h.path_id = s.path_id
                      AND h.proposed_at IS NOT NULL AND h.declined_at IS NULL
                      AND h.completed_at IS NULL) AS handoff_pending,
            (SELECT max(h.completed_at) FROM path_stage_handoff h
              WHERE h.path_id = s.path_id) AS last_handoff_completed_at,
            EXISTS (SELECT 1 FROM activation_plan p WHERE p.path_id = s.path_id) AS has_plan,
            (SELECT max(v.changed_at) FROM plan_version v JOIN activation_plan p
                ON p.id = v.plan_id WHERE p.path_id = s.path_id) AS last_plan_version_at,
            EXISTS (SELECT 1 FROM measure m WHERE m.path_id = s.path_id
                      AND m.status = 'PAUSED') AS paused_measure,
            EXISTS (SELECT 1 FROM measure m WHERE m.path_id = s.path_id
                      AND m.status = 'ACTIVE') AS active_measure,
            (SELECT max(m.updated_at) FROM measure m WHERE m.path_id = s.path_id
                AND m.status = 'ENDED') AS last_measure_ended_at
       FROM path_stage s WHERE s.path_id = $1`,
    [pathId],
  );
  if (row === undefined) {
    throw new Error(`bug: path ${pathId} has no path_stage row after it was ensured`);
  }
  return {
    intakeCompletedAt: row.intake_completed_at,
    exit:
      row.exited_at === null || row.exit_category === null
        ? null
        : { at: row.exited_at, category: row.exit_category },
    closedAt: row.closed_at,
    continuedByPathId: row.continued_by_path_id,
    handoffPending: row.handoff_pending,
    lastHandoffCompletedAt: row.last_handoff_completed_at,
    hasPlan: row.has_plan,
    lastPlanVersionAt: row.last_plan_version_at,
    runningMeasure: row.paused_measure ? 'PAUSED' : row.active_measure ? 'ACTIVE' : null,
    lastMeasureEndedAt: row.last_measure_ended_at,
  };
}
