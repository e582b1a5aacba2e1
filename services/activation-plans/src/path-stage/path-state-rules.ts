import type { PathStateName } from '@polku/contracts';
import { PathStateConflictError } from '@polku/service-runtime';
import { pathStateOf, type PathStageFacts } from './path-state';

// Which commands of activation-plans each path state allows (docs/path-rules.md). A command
// transitions' path machine would refuse the event of is refused here, before anything is
// written, with the state and what to do instead; the rest are facts every consumer absorbs.

/** The states after the client left the path, and what each means for a command of the plan. */
function afterExit(state: PathStateName, doing: string): PathStateConflictError | null {
  switch (state) {
    case 'UNCLEAR_PATH':
      return new PathStateConflictError(
        state,
        `The client left the path to an unclear destination, so you cannot ${doing} now: find the client a next step first (propose a hand-off); the receiver plans with the client.`,
      );
    case 'FOLLOW_UP':
      return new PathStateConflictError(
        state,
        `The client has exited the path and is followed up, so you cannot ${doing}: if the client comes back, a new path carries them.`,
      );
    case 'CLOSED':
      return new PathStateConflictError(
        state,
        `The path is closed, so you cannot ${doing}: if the client comes back, a new path carries them.`,
      );
    case 'REENTERED':
      return new PathStateConflictError(
        state,
        `The client came back and a new path carries them, so you cannot ${doing} on this one: use the new path.`,
      );
    default:
      return null;
  }
}

const HANDOFF_PENDING = (doing: string) =>
  new PathStateConflictError(
    'TRANSITION_PENDING',
    `A hand-off of this path is waiting for the receiving organisation's answer, so you cannot ${doing} now: wait until it is completed or declined.`,
  );

const INTAKE_NOT_COMPLETED = (doing: string) =>
  new PathStateConflictError(
    'INTAKE',
    `The client's intake has not been completed yet, so you cannot ${doing}: complete the intake first.`,
  );

function throwIf(refusal: PathStateConflictError | null): void {
  if (refusal !== null) {
    throw refusal;
  }
}

/**
 * Agreeing the plan: after the intake, or after a completed hand-off. Whether the path already
 * has a plan is the plan's own rule (revise it instead), checked after this one.
 */
export function assertMayAgreePlan(facts: PathStageFacts): void {
  const doing = 'agree an activation plan';
  const state = pathStateOf(facts);
  throwIf(afterExit(state, doing));
  if (facts.handoffPending) {
    throw HANDOFF_PENDING(doing);
  }
  if (state === 'INTAKE') {
    throw INTAKE_NOT_COMPLETED(doing);
  }
}

/**
 * Starting a measure: only in planning, with an agreed plan and no other measure running or
 * paused. After a measure has ended the plan is revised for the next step first, as
 * transitions moves the path back to planning only on an agreement of the plan.
 */
export function assertMayStartMeasure(facts: PathStageFacts): void {
  const doing = 'start a measure';
  const state = pathStateOf(facts);
  throwIf(afterExit(state, doing));
  switch (state) {
    case 'TRANSITION_PENDING':
      throw facts.handoffPending
        ? HANDOFF_PENDING(doing)
        : new PathStateConflictError(
            state,
            'The last measure of this path has ended: revise the activation plan with the client for the next step (reason TRANSITION), then start the next measure.',
          );
    case 'INTAKE':
      throw INTAKE_NOT_COMPLETED(doing);
    case 'IN_MEASURE':
      throw new PathStateConflictError(
        state,
        'Another measure of this path is still running: end it before you start the next one.',
      );
    case 'PAUSED':
      throw new PathStateConflictError(
        state,
        'A measure of this path is paused: resume or end it before you start another one.',
      );
    default:
      break;
  }
  if (!facts.hasPlan) {
    throw new PathStateConflictError(
      'PLANNING',
      'The path has no activation plan yet: agree the plan with the client first, then start the measure.',
    );
  }
}

/** What a measure's own state means for the path, when a command needs another one. */
function measureStateRefusal(options: {
  measureStatus: 'ACTIVE' | 'PAUSED' | 'ENDED';
  facts: PathStageFacts;
  message: string;
}): PathStateConflictError {
  const { measureStatus, facts, message } = options;
  const state: PathStateName =
    measureStatus === 'ACTIVE'
      ? 'IN_MEASURE'
      : measureStatus === 'PAUSED'
        ? 'PAUSED'
        : pathStateOf(facts);
  return new PathStateConflictError(state, message);
}

/** Pausing: a running measure, while the path is in it (not while a hand-off is pending). */
export function assertMayPauseMeasure(
  facts: PathStageFacts,
  measureStatus: 'ACTIVE' | 'PAUSED' | 'ENDED',
): void {
  if (measureStatus === 'PAUSED') {
    throw measureStateRefusal({
      measureStatus,
      facts,
      message: 'The measure is already paused: resume it or end it.',
    });
  }
  if (measureStatus === 'ENDED') {
    throw measureStateRefusal({
      measureStatus,
      facts,
      message: 'The measure has ended and cannot be paused.',
    });
  }
  const doing = 'pause the measure';
  const state = pathStateOf(facts);
  throwIf(afterExit(state, doing));
  if (facts.handoffPending) {
    throw HANDOFF_PENDING(`${doing} (end it if the client stops)`);
  }
}

/** Resuming: a paused measure, while the path is paused (not while a hand-off is pending). */
export function assertMayResumeMeasure(
  facts: PathStageFacts,
  measureStatus: 'ACTIVE' | 'PAUSED' | 'ENDED',
): void {
  if (measureStatus === 'ACTIVE') {
    throw measureStateRefusal({
      measureStatus,
      facts,
      message: 'The measure is running, not paused: there is nothing to resume.',
    });
  }
  if (measureStatus === 'ENDED') {
    throw measureStateRefusal({
      measureStatus,
      facts,
      message: 'The measure has ended and cannot be resumed: start a new one in the plan.',
    });
  }
  const doing = 'resume the measure';
  const state = pathStateOf(facts);
  throwIf(afterExit(state, doing));
  if (facts.handoffPending) {
    throw HANDOFF_PENDING(`${doing} (end it if the client moves on)`);
  }
}

/**
 * Ending: any measure that has not ended, whatever the path's state. The provider closes its
 * books on a measure also after the path has moved on (docs/path-rules.md).
 */
export function assertMayEndMeasure(
  facts: PathStageFacts,
  measureStatus: 'ACTIVE' | 'PAUSED' | 'ENDED',
): void {
  if (measureStatus === 'ENDED') {
    throw measureStateRefusal({
      measureStatus,
      facts,
      message: 'The measure has already ended.',
    });
  }
}

/** Attendance and absences: days of a running measure, on a path that is still open. */
export function assertMayRecordAttendance(
  facts: PathStageFacts,
  measureStatus: 'ACTIVE' | 'PAUSED' | 'ENDED',
): void {
  assertPathStillOpen(facts, 'record attendance');
  if (measureStatus !== 'ACTIVE') {
    throw measureStateRefusal({
      measureStatus,
      facts,
      message: `The measure is ${measureStatus.toLowerCase()}: attendance is recorded while it runs.`,
    });
  }
}

/**
 * Revising the plan, goal progress and statements: allowed until the path is closed or continued
 * by a new one. Follow-ups after an exit still assess goals and ask for statements.
 */
export function assertPathStillOpen(facts: PathStageFacts, doing: string): void {
  const state = pathStateOf(facts);
  if (state === 'CLOSED' || state === 'REENTERED') {
    throwIf(afterExit(state, doing));
  }
}
