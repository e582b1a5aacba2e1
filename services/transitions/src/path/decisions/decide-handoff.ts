import type { DecisionDraft } from '../decision-draft';
import { laterOf } from '../path-dates';
import {
  alreadyDone,
  conflict,
  firstRefusal,
  forbidden,
  invalid,
  notFound,
  type Refusal,
} from '../path-decision';
import { destinationProblem } from '../path-destination';
import { byAccountableOrg, dateFromToday, onlyIn, requiredText } from '../path-guards';
import type { PathActor, PathInputOf } from '../path-inputs';
import type { PathState, PendingHandoff } from '../path-state';
import { inBusinessDays, step } from '../next-step';

// Hand-offs (docs/domain.md §10.3 HandoffSaga, invariant 2): the sender stays accountable until the
// receiver completes the hand-off; a decline returns the path to the sender, never to nobody.

/** Categories that cannot be handed over to: an unclear path has no receiver, a return is a new path. */
const NOT_HANDED_OVER_TO: readonly string[] = ['UNCLEAR_PATH', 'RETURNED_TO_VTM'];

export function proposeHandoff(
  draft: DecisionDraft,
  input: PathInputOf<'handoffProposed'>,
): Refusal | null {
  const { pendingHandoff, accountable } = draft.state;
  const refusal = firstRefusal(
    () =>
      draft.state.state === 'PAUSED'
        ? conflict('The measure is paused: resume or end it before proposing a hand-off.')
        : null,
    () =>
      onlyIn(
        draft,
        ['INTAKE', 'PLANNING', 'IN_MEASURE', 'TRANSITION_PENDING', 'UNCLEAR_PATH'],
        'propose a hand-off',
      ),
    () =>
      pendingHandoff === null
        ? null
        : conflict(
            `Only one hand-off at a time: the hand-off ${pendingHandoff.handoffId} to ${pendingHandoff.receivingOrgId} is still pending.`,
          ),
    () => byAccountableOrg(draft, input.actor, 'propose a hand-off'),
    () => requiredText(input.handoffId, 'handoffId'),
    () => requiredText(input.receivingOrgId, 'receivingOrgId'),
    () =>
      input.receivingOrgId === accountable?.orgId
        ? invalid(
            'A hand-off goes to another organisation; within the organisation, change the responsible worker.',
          )
        : null,
    () => {
      const problem = destinationProblem(input.destination);
      return problem === null ? null : invalid(`destination: ${problem}.`);
    },
    () =>
      NOT_HANDED_OVER_TO.includes(input.destination.category)
        ? invalid(
            `A hand-off cannot go to ${input.destination.category}: record an exit or a return instead.`,
          )
        : null,
    () => dateFromToday(draft, input.proposedDate, 'proposedDate'),
  );
  if (refusal || accountable === null) {
    return refusal;
  }
  const answerDueDate = inBusinessDays(draft, draft.policy.handoffAnswerBusinessDays);
  draft.update({
    state: 'TRANSITION_PENDING',
    pendingHandoff: {
      handoffId: input.handoffId,
      receivingOrgId: input.receivingOrgId,
      destination: input.destination,
      answerDueDate,
      accepted: false,
      proposedDate: input.proposedDate,
    },
    // A path leaving UNCLEAR_PATH by a hand-off is no longer unclear.
    exit: null,
    nextStep: step('AWAIT_HANDOFF_ANSWER', answerDueDate),
  });
  draft.emit({
    name: 'HandoffProposed',
    data: {
      handoffId: input.handoffId,
      receivingOrgId: input.receivingOrgId,
      destination: input.destination,
      proposedDate: input.proposedDate,
      answerDueDate,
      ...(draft.state.activeMeasure ? { fromMeasureId: draft.state.activeMeasure.measureId } : {}),
    },
  });
  return null;
}

/** The pending hand-off, answered by its receiver; or why not. */
function receiverRefusal(
  draft: DecisionDraft,
  input: { readonly handoffId: string; readonly actor: PathActor },
  doing: string,
): Refusal | null {
  const pending = draft.state.pendingHandoff;
  // Only the pending hand-off can be answered: any other id, this path's old ones or another
  // path's, names nothing here.
  if (pending === null || pending.handoffId !== input.handoffId) {
    return notFound('This path has no such pending hand-off.');
  }
  return pending.receivingOrgId === input.actor.orgId
    ? null
    : forbidden(`Only the receiving organisation (${pending.receivingOrgId}) can ${doing}.`);
}

function pendingOf(draft: DecisionDraft): PendingHandoff {
  const pending = draft.state.pendingHandoff;
  if (pending === null) {
    throw new Error('bug: no pending hand-off after receiverRefusal passed');
  }
  return pending;
}

export function acceptHandoff(
  draft: DecisionDraft,
  input: PathInputOf<'handoffAccepted'>,
): Refusal | null {
  const refusal = firstRefusal(
    () => receiverRefusal(draft, input, 'accept the hand-off'),
    () =>
      pendingOf(draft).accepted ? alreadyDone('The hand-off has already been accepted.') : null,
    () =>
      input.startDate === undefined ? null : dateFromToday(draft, input.startDate, 'startDate'),
  );
  if (refusal) {
    return refusal;
  }
  const pending = pendingOf(draft);
  const startDate = input.startDate ?? pending.proposedDate;
  // From now on the receiver owes the completion, by the start date.
  const completionDue = laterOf(startDate, draft.at);
  draft.update({
    pendingHandoff: {
      ...pending,
      accepted: true,
      proposedDate: startDate,
      answerDueDate: completionDue,
    },
    nextStep: step('AWAIT_HANDOFF_ANSWER', completionDue),
  });
  draft.emit({
    name: 'HandoffAccepted',
    data: { handoffId: pending.handoffId, startDate },
  });
  return null;
}

/**
 * Where a declined hand-off leaves the path: back with the sender, who decides the next step.
 * A measure that still runs (a hand-off proposed before the measure ended) carries on, so the
 * path is in that measure again — as activation-plans, which never saw the path leave it, says —
 * and the next step is the measure's own.
 */
function afterDecline(draft: DecisionDraft): Pick<PathState, 'state' | 'nextStep'> {
  const measure = draft.state.activeMeasure;
  if (measure === null) {
    return {
      state: 'TRANSITION_PENDING',
      nextStep: step(
        'DECIDE_NEXT_STEP',
        inBusinessDays(draft, draft.policy.decideNextStepBusinessDays),
      ),
    };
  }
  if (measure.paused) {
    return {
      state: 'PAUSED',
      nextStep: step(
        'RESUME_MEASURE',
        measure.expectedResume ?? inBusinessDays(draft, draft.policy.resumeBusinessDays),
      ),
    };
  }
  return { state: 'IN_MEASURE', nextStep: step('PLAN_NEXT_STEP', measure.plannedEndDate) };
}

export function declineHandoff(
  draft: DecisionDraft,
  input: PathInputOf<'handoffDeclined'>,
): Refusal | null {
  const refusal = firstRefusal(
    () => receiverRefusal(draft, input, 'decline the hand-off'),
    () => requiredText(input.reasonCategory, 'reasonCategory'),
  );
  if (refusal) {
    return refusal;
  }
  const pending = pendingOf(draft);
  draft.update({ pendingHandoff: null, ...afterDecline(draft) });
  draft.emit({
    name: 'HandoffDeclined',
    data: { handoffId: pending.handoffId, reasonCategory: input.reasonCategory },
  });
  return null;
}

export function completeHandoff(
  draft: DecisionDraft,
  input: PathInputOf<'handoffCompleted'>,
): Refusal | null {
  const { activeMeasure, accountable } = draft.state;
  const refusal = firstRefusal(
    () => receiverRefusal(draft, input, 'complete the hand-off'),
    () =>
      pendingOf(draft).accepted ? null : conflict('Accept the hand-off before completing it.'),
    () =>
      activeMeasure === null
        ? null
        : conflict(
            `The measure ${activeMeasure.measureId} at the sending organisation has not ended yet: it ends before the receiver takes over.`,
          ),
    () => (input.workerId === undefined ? null : requiredText(input.workerId, 'workerId')),
  );
  if (refusal || accountable === null) {
    return refusal;
  }
  const pending = pendingOf(draft);
  const receiver = {
    orgId: pending.receivingOrgId,
    workerId: input.workerId ?? input.actor.workerId,
  };
  draft.update({
    state: 'PLANNING',
    accountable: receiver,
    pendingHandoff: null,
    // The funding that ends was the sender's; the exit was an unclear path now left behind.
    fundingEndsOn: undefined,
    exit: null,
    nextStep: step('AGREE_PLAN', inBusinessDays(draft, draft.policy.planBusinessDays)),
  });
  draft.emit({
    name: 'HandoffCompleted',
    data: { handoffId: pending.handoffId },
  });
  draft.emit({
    name: 'OwnershipTransferred',
    data: {
      fromOrgId: accountable.orgId,
      fromWorkerId: accountable.workerId,
      toOrgId: receiver.orgId,
      toWorkerId: receiver.workerId,
      reason: 'HANDOFF_COMPLETED',
      handoffId: pending.handoffId,
    },
  });
  return null;
}
