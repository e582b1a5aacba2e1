import type { PathStateName } from '@polku/contracts';

/**
 * What activation-plans knows of one path: the facts other services told it by events
 * (path-stage.repository.ts) and its own plan and measures. Times are when each fact happened.
 */
export interface PathStageFacts {
  readonly intakeCompletedAt: Date | null;
  /** The latest exit, with its destination's category. */
  readonly exit: { readonly at: Date; readonly category: string } | null;
  readonly closedAt: Date | null;
  readonly continuedByPathId: string | null;
  /** A hand-off proposed and neither declined nor completed yet. */
  readonly handoffPending: boolean;
  readonly lastHandoffCompletedAt: Date | null;
  readonly hasPlan: boolean;
  /** When the plan was last agreed or revised. */
  readonly lastPlanVersionAt: Date | null;
  /** PAUSED when a measure of the path is paused, else ACTIVE when one runs, else null. */
  readonly runningMeasure: 'ACTIVE' | 'PAUSED' | null;
  readonly lastMeasureEndedAt: Date | null;
}

function isAfter(a: Date | null, b: Date | null): boolean {
  return a !== null && (b === null || a.getTime() > b.getTime());
}

function latest(a: Date | null, b: Date | null): Date | null {
  return isAfter(a, b) ? a : b;
}

/**
 * The path's state as this service knows it, in transitions' words (docs/transitions.md), so a
 * refusal names the state the caller sees on the path. The states a later fact ends come first:
 * a completed hand-off starts a new segment in PLANNING, also after an exit to an unclear path;
 * a measure that ended leaves the path between steps until the plan is revised for the next one.
 */
export function pathStateOf(facts: PathStageFacts): PathStateName {
  if (facts.continuedByPathId !== null) {
    return 'REENTERED';
  }
  if (facts.closedAt !== null) {
    return 'CLOSED';
  }
  if (facts.exit !== null && !isAfter(facts.lastHandoffCompletedAt, facts.exit.at)) {
    return facts.exit.category === 'UNCLEAR_PATH' ? 'UNCLEAR_PATH' : 'FOLLOW_UP';
  }
  if (facts.handoffPending) {
    return 'TRANSITION_PENDING';
  }
  if (facts.runningMeasure === 'PAUSED') {
    return 'PAUSED';
  }
  if (facts.runningMeasure === 'ACTIVE') {
    return 'IN_MEASURE';
  }
  if (facts.intakeCompletedAt === null && facts.lastHandoffCompletedAt === null) {
    return 'INTAKE';
  }
  if (
    isAfter(facts.lastMeasureEndedAt, latest(facts.lastPlanVersionAt, facts.lastHandoffCompletedAt))
  ) {
    return 'TRANSITION_PENDING';
  }
  return 'PLANNING';
}
