import type { PathState, PathStateName } from '../path';
import type { EventInput } from './event-inputs';

// Events of different subjects travel on different durable consumers, so they arrive in any
// order: ReferralAccepted can come before its ClientReferred, MeasureResumed before its
// MeasurePaused. When the machine refuses an event, this tells the two cases apart:
//
// - EARLY: the path has not yet reached the stage the event follows from, so the event it
//   follows is still on its way. The consumer throws: the event is redelivered with backoff and
//   applies once its predecessor has (after EVENT_MAX_ATTEMPTS it becomes a dead-letter row,
//   visible and redrivable, never silently dropped).
// - STALE or wrong: the path is already past that stage, or the event can never apply (a
//   referral answered by an organisation it was not sent to, an exit date in the future). The
//   consumer logs a warning and acknowledges it: an event that can never apply must not hold
//   up the stream for as long as its retries last.

/** States before the plan: intake and planning events have not all arrived yet. */
const BEFORE_PLANNING: readonly PathStateName[] = ['REFERRED', 'INTAKE'];

/** States before a measure can have started. */
const BEFORE_MEASURE: readonly PathStateName[] = [...BEFORE_PLANNING, 'PLANNING'];

/** Whether a refused event came before an event it follows, and should be tried again later. */
export function arrivedEarly(before: PathState | undefined, input: EventInput): boolean {
  if (input.type === 'referred') {
    // A new referral of a path whose previous referral still waits for its decline.
    return before?.state === 'REFERRED' && before.pendingReferral !== null;
  }
  if (before === undefined) {
    // Every event of a path follows its ClientReferred, and a return follows the path it ends.
    return true;
  }
  const state = before.state;
  switch (input.type) {
    case 'referralAccepted':
    case 'referralDeclined':
      // The answer to a referral this service has not seen yet (sent after a decline, or to
      // another organisation than the one still pending).
      return (
        state === 'REFERRED' &&
        (before.pendingReferral === null || before.pendingReferral.toOrgId !== input.actor.orgId)
      );
    case 'intakeCompleted':
      return state === 'REFERRED';
    case 'planAgreed':
    case 'measureStarted':
      return BEFORE_PLANNING.includes(state);
    case 'measurePaused':
    case 'measureEnded':
      return BEFORE_MEASURE.includes(state);
    case 'measureResumed':
      // Still running: its pause has not arrived yet.
      return (
        BEFORE_MEASURE.includes(state) ||
        (state === 'IN_MEASURE' && before.activeMeasure?.measureId === input.measureId)
      );
    case 'returnedAsNewPath':
      return false;
  }
}
