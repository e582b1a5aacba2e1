import { DecisionDraft } from './decision-draft';
import { escalateHandoff, escalateNextStep } from './decisions/decide-escalation';
import { closePath, continueAsNewPath, exit, reviewUnclearPath } from './decisions/decide-exit';
import { completeFollowUp, followUpDue, followUpMissed } from './decisions/decide-follow-up';
import {
  acceptHandoff,
  completeHandoff,
  declineHandoff,
  proposeHandoff,
} from './decisions/decide-handoff';
import {
  endMeasure,
  pauseMeasure,
  remindMeasureEnding,
  resumeMeasure,
  startMeasure,
} from './decisions/decide-measure';
import { recordMeetingHeld } from './decisions/decide-meeting';
import { fundingEnded, rehomeFollowUps } from './decisions/decide-follow-up-owner';
import { announceFundingEnding, changeResponsibleWorker } from './decisions/decide-ownership';
import { agreePlan, completeIntake } from './decisions/decide-planning';
import {
  acceptReferral,
  declineReferral,
  referAgain,
  referralRefusal,
  startPath,
  unreferredPath,
} from './decisions/decide-referral';
import { endWaiting, startWaiting, waitExceeded } from './decisions/decide-wait';
import { settleNextStep } from './next-step';
import { conflict, early, type PathDecision, type Refusal } from './path-decision';
import { validDate } from './path-guards';
import {
  isForeignFact,
  isTimerInput,
  type ActorInput,
  type PathInput,
  type TimerInput,
} from './path-inputs';
import { assertPathInvariants } from './path-invariants';
import type { PathPolicy } from './path-policy';
import { isFinal, type PathState } from './path-state';
import { timerKey } from './path-timers';

// The only place a path changes. decide() is pure: the service loads the state, calls it, and in
// one transaction stores the new state (checking `version`) and carries out the effects.
//
// Two kinds of input are decided differently (docs/path-rules.md). A COMMAND of this service is
// refused when the path's state does not allow it, before anything is written. Another
// service's EVENT is a fact that service already accepted: it moves the path or is recorded,
// and is refused only as EARLY (an event it follows is certainly on its way) or as malformed.

function byActor(draft: DecisionDraft, input: ActorInput): Refusal | null {
  switch (input.type) {
    case 'referred':
      return referAgain(draft, input);
    case 'referralAccepted':
      return acceptReferral(draft, input);
    case 'referralDeclined':
      return declineReferral(draft, input);
    case 'intakeCompleted':
      return completeIntake(draft, input);
    case 'planAgreed':
      return agreePlan(draft, input);
    case 'measureStarted':
      return startMeasure(draft, input);
    case 'measurePaused':
      return pauseMeasure(draft, input);
    case 'measureResumed':
      return resumeMeasure(draft, input);
    case 'measureEnded':
      return endMeasure(draft, input);
    case 'handoffProposed':
      return proposeHandoff(draft, input);
    case 'handoffAccepted':
      return acceptHandoff(draft, input);
    case 'handoffDeclined':
      return declineHandoff(draft, input);
    case 'handoffCompleted':
      return completeHandoff(draft, input);
    case 'exited':
      return exit(draft, input);
    case 'unclearPathReviewed':
      return reviewUnclearPath(draft, input);
    case 'followUpCompleted':
      return completeFollowUp(draft, input);
    case 'pathClosed':
      return closePath(draft, input);
    case 'responsibleWorkerChanged':
      return changeResponsibleWorker(draft, input);
    case 'fundingEnding':
      return announceFundingEnding(draft, input);
    case 'followUpsRehomed':
      return rehomeFollowUps(draft, input);
    case 'returnedAsNewPath':
      return continueAsNewPath(draft, input);
    case 'waitingStarted':
      return startWaiting(draft, input);
    case 'waitingEnded':
      return endWaiting(draft, input);
    case 'meetingHeld':
      return recordMeetingHeld(draft, input);
  }
}

function byTimer(draft: DecisionDraft, input: TimerInput): void {
  switch (input.type) {
    case 'handoffAnswerOverdue':
      return escalateHandoff(draft, input);
    case 'nextStepOverdue':
    case 'unclearPathReviewDue':
      return escalateNextStep(draft, input);
    case 'followUpDue':
      return followUpDue(draft, input);
    case 'followUpMissed':
      return followUpMissed(draft, input);
    case 'measureEndingSoon':
      return remindMeasureEnding(draft, input);
    case 'waitExceeded':
      return waitExceeded(draft, input);
    case 'fundingEnded':
      return fundingEnded(draft, input);
  }
}

function finish(
  draft: DecisionDraft,
  before: PathState | undefined,
  version: number,
): PathDecision {
  settleNextStep(draft, before);
  const state: PathState = { ...draft.state, version };
  assertPathInvariants(state);
  return { state, effects: draft.effects };
}

function refused(refusal: Refusal): PathDecision {
  return { refused: refusal };
}

/**
 * What `input` does to the path: the new state and the effects to carry out with it, or why it
 * is refused. A timer that is no longer live (cancelled, or already handled) changes nothing:
 * the same state comes back with no effects. Throws PathInvariantError only on a bug here.
 */
export function decide(
  state: PathState | undefined,
  input: PathInput,
  policy: PathPolicy,
): PathDecision {
  const badDay = validDate(input.at, 'at');
  if (badDay) {
    return refused(badDay);
  }
  if (state === undefined) {
    if (input.type !== 'referred') {
      // Every event of a path follows its ClientReferred (a return follows the path it ends).
      const message = 'This path has not been referred yet: it starts with a referral.';
      return refused(isForeignFact(input) ? early(message) : conflict(message));
    }
    const refusal = referralRefusal(input);
    if (refusal) {
      return refused(refusal);
    }
    const draft = new DecisionDraft(unreferredPath(input.pathId), input.at, policy);
    startPath(draft, input);
    return finish(draft, undefined, 1);
  }
  if (isTimerInput(input)) {
    const key = timerKey(state.pathId, input);
    if (!state.timers.some((timer) => timer.key === key && timer.suspendedOn === null)) {
      return { state, effects: [] };
    }
    const draft = new DecisionDraft(state, input.at, policy);
    draft.fired(key);
    byTimer(draft, input);
    return finish(draft, state, state.version + 1);
  }
  // A command on a finished path is refused; another service's fact is still recorded.
  if (isFinal(state.state) && !isForeignFact(input)) {
    return refused(
      conflict(
        state.state === 'CLOSED'
          ? 'The path is closed: if the client comes back, a new path is opened.'
          : `The path has been continued by the path ${state.continuedByPathId ?? ''}: record this there.`,
      ),
    );
  }
  const draft = new DecisionDraft(state, input.at, policy);
  const refusal = byActor(draft, input);
  if (refusal) {
    return refused(refusal);
  }
  // A fact recorded without changing anything (it was overtaken, or is already known) leaves
  // the path as it was: no new version, nothing to store.
  if (draft.state === state && draft.effects.length === 0) {
    return { state, effects: [] };
  }
  return finish(draft, state, state.version + 1);
}
