import { ladderSpec } from './next-step';
import type { EscalationLevel, NextStepKind, PathState, PathStateName } from './path-state';
import { timerKey } from './path-timers';

// Where a path stands, as read models follow it (NextStepSet, docs/transitions.md): its state,
// owner, named worker and next step with the rung its ladder reached. The engine compares the
// summary before and after each decision and tells only a change.

export interface PathSummary {
  readonly state: PathStateName;
  readonly accountableOrgId?: string;
  readonly workerId?: string;
  readonly nextStep?: NextStepKind;
  readonly dueDate?: string;
  /** The rung the late step reached; absent while it is not late. */
  readonly level?: EscalationLevel;
}

/**
 * The rung a late step has reached. A new step is kept at level WORKER before it is late, so the
 * level alone cannot tell: the step is late at WORKER once its worker rung's timer fired (it is
 * no longer live). A step no ladder watches (a follow-up) is never reported late here.
 */
export function escalatedLevel(path: PathState): EscalationLevel | undefined {
  const step = path.nextStep;
  if (step === null) {
    return undefined;
  }
  if (step.level !== 'WORKER') {
    return step.level;
  }
  const workerRung = ladderSpec(path, 'WORKER');
  if (workerRung === null) {
    return undefined;
  }
  const key = timerKey(path.pathId, workerRung);
  return path.timers.some((timer) => timer.key === key) ? undefined : 'WORKER';
}

export function pathSummary(path: PathState): PathSummary {
  const level = escalatedLevel(path);
  return {
    state: path.state,
    ...(path.accountable === null
      ? {}
      : { accountableOrgId: path.accountable.orgId, workerId: path.accountable.workerId }),
    ...(path.nextStep === null
      ? {}
      : { nextStep: path.nextStep.kind, dueDate: path.nextStep.dueDate }),
    ...(level === undefined ? {} : { level }),
  };
}

/** The summary after the decision, or null when the decision changed none of it. */
export function changedSummary(
  before: PathState | undefined,
  after: PathState,
): PathSummary | null {
  const next = pathSummary(after);
  if (before === undefined) {
    return next;
  }
  const previous = pathSummary(before);
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]) as Set<keyof PathSummary>;
  return [...keys].some((key) => previous[key] !== next[key]) ? next : null;
}
