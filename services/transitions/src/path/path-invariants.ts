import { isIsoDate } from '@polku/timers';
import { isUnclear } from './path-destination';
import {
  ESCALATION_LEVELS,
  isFinal,
  NEXT_STEP_KINDS,
  type PathState,
  type PathTimer,
} from './path-state';
import { LADDER_TIMER_KINDS } from './path-timers';

// The invariants of docs/transitions.md, checked after every decision. A violation is a bug in
// this module, never a caseworker's mistake, so it throws instead of refusing.

export class PathInvariantError extends Error {
  constructor(
    readonly pathId: string,
    readonly violations: readonly string[],
  ) {
    super(`path ${pathId} breaks its invariants: ${violations.join('; ')}`);
    this.name = 'PathInvariantError';
  }
}

function ownerAndStep(path: PathState): string[] {
  const problems: string[] = [];
  if (!path.accountable?.orgId || !path.accountable.workerId) {
    problems.push('no accountable organisation and worker');
  }
  const step = path.nextStep;
  if (step === null) {
    problems.push('no next step');
  } else if (
    !NEXT_STEP_KINDS.includes(step.kind) ||
    !isIsoDate(step.dueDate) ||
    !ESCALATION_LEVELS.includes(step.level)
  ) {
    problems.push(`a malformed next step ${JSON.stringify(step)}`);
  }
  return problems;
}

function stateShape(path: PathState): string[] {
  const problems: string[] = [];
  const kind = path.nextStep?.kind;
  if (path.pendingReferral !== null && path.state !== 'REFERRED') {
    problems.push('a pending referral outside REFERRED');
  }
  if (
    path.pendingHandoff !== null &&
    (path.state !== 'TRANSITION_PENDING' || kind !== 'AWAIT_HANDOFF_ANSWER')
  ) {
    problems.push('a pending hand-off without AWAIT_HANDOFF_ANSWER in TRANSITION_PENDING');
  }
  // A measure paused between steps or after an exit is recorded on the path that stays where
  // it is; only IN_MEASURE and PAUSED must agree with the measure.
  if (path.state === 'PAUSED' && path.activeMeasure?.paused !== true) {
    problems.push('PAUSED without a paused measure');
  }
  if (path.state === 'IN_MEASURE' && path.activeMeasure?.paused === true) {
    problems.push('IN_MEASURE with a paused measure');
  }
  if ((path.state === 'IN_MEASURE' || path.state === 'PAUSED') && path.activeMeasure === null) {
    problems.push(`${path.state} without a measure`);
  }
  if (path.state === 'UNCLEAR_PATH' && kind !== 'REVIEW_UNCLEAR_PATH') {
    problems.push('an unclear path without a review');
  }
  if (
    path.state === 'FOLLOW_UP' &&
    (path.exit === null || isUnclear(path.exit.destination) || path.followUps.length === 0)
  ) {
    problems.push('FOLLOW_UP without an exit to a destination and its follow-ups');
  }
  return problems;
}

function timerShape(path: PathState): string[] {
  const problems: string[] = [];
  const keys = path.timers.map((timer) => timer.key);
  if (new Set(keys).size !== keys.length) {
    problems.push('two live timers with one key');
  }
  if (keys.some((key) => !key.includes(`:${path.pathId}:`))) {
    problems.push('a timer whose key does not name the path');
  }
  // While paused, every timer stands still but the RESUME_MEASURE step's ladder (next-step.ts).
  const paused = path.state === 'PAUSED';
  const ladder = (timer: PathTimer) => LADDER_TIMER_KINDS.includes(timer.kind);
  const suspended = (timer: PathTimer) => timer.suspendedOn !== null;
  if (!paused && path.timers.some(suspended)) {
    problems.push('a timer suspended while not paused');
  }
  if (paused && path.timers.some((timer) => !ladder(timer) && !suspended(timer))) {
    problems.push('a timer running while paused');
  }
  if (paused && path.timers.some((timer) => ladder(timer) && suspended(timer))) {
    problems.push('the paused step’s ladder suspended');
  }
  if (path.timers.filter((timer) => LADDER_TIMER_KINDS.includes(timer.kind)).length > 1) {
    problems.push('more than one escalation timer');
  }
  return problems;
}

export function pathInvariantViolations(path: PathState): string[] {
  if (isFinal(path.state)) {
    const problems = path.nextStep === null ? [] : ['a next step on a finished path'];
    return path.timers.length === 0 ? problems : [...problems, 'timers on a finished path'];
  }
  return [...ownerAndStep(path), ...stateShape(path), ...timerShape(path)];
}

export function assertPathInvariants(path: PathState): void {
  const violations = pathInvariantViolations(path);
  if (violations.length > 0) {
    throw new PathInvariantError(path.pathId, violations);
  }
}
