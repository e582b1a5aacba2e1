import type { DecisionDraft } from '../decision-draft';
import { lateFrom } from '../path-dates';
import { alreadyDone, firstRefusal, invalid, notFound, type Refusal } from '../path-decision';
import { destinationProblem, isContinuation, isUnclear } from '../path-destination';
import { byAccountableOrg, onlyIn } from '../path-guards';
import type { PathInputOf } from '../path-inputs';
import { PATH_TIMER_KINDS } from '../path-timers';
import type { FollowUp, FollowUpStatus, PathExit } from '../path-state';
import { settleFollowUpStep } from './follow-up-schedule';

// Follow-ups as they happen: due (timer), done (the owner), missed (timer + grace, to the
// manager). A missed follow-up can still be done late; until then the path counts as lost.

function withStatus(
  draft: DecisionDraft,
  followUpId: string,
  status: FollowUpStatus,
): FollowUp | null {
  const followUp = draft.state.followUps.find((f) => f.followUpId === followUpId);
  if (followUp === undefined) {
    return null;
  }
  draft.update({
    followUps: draft.state.followUps.map((f) =>
      f.followUpId === followUpId ? { ...f, status } : f,
    ),
  });
  return followUp;
}

function destinationRefusal(input: PathInputOf<'followUpCompleted'>): Refusal | null {
  const { statusNow, confirmsDestination, destination } = input;
  return firstRefusal(
    () =>
      confirmsDestination && (statusNow === 'BACK_IN_VTM' || statusNow === 'UNKNOWN')
        ? invalid(
            'A follow-up that found the client back in the intermediate labour market, or could not find out, cannot confirm a destination.',
          )
        : null,
    () =>
      statusNow === 'CHANGED' && confirmsDestination && destination === undefined
        ? invalid('A changed destination is confirmed only together with the new destination.')
        : null,
    () =>
      destination !== undefined && statusNow !== 'CHANGED'
        ? invalid('A destination is given only when it has changed (statusNow CHANGED).')
        : null,
    () => {
      const problem = destination === undefined ? null : destinationProblem(destination);
      return problem === null ? null : invalid(`destination: ${problem}.`);
    },
    () =>
      destination !== undefined && (isContinuation(destination) || isUnclear(destination))
        ? invalid(
            'A follow-up records where the client is now; a return to the intermediate labour market is a new path.',
          )
        : null,
  );
}

/** What the follow-up found, applied to the exit. */
function exitAfter(exitRecord: PathExit, input: PathInputOf<'followUpCompleted'>): PathExit {
  switch (input.statusNow) {
    case 'SAME':
      return input.confirmsDestination ? { ...exitRecord, confirmed: true } : exitRecord;
    case 'CHANGED':
      // Whatever was confirmed before no longer holds.
      return input.destination === undefined
        ? { ...exitRecord, confirmed: false }
        : { ...exitRecord, destination: input.destination, confirmed: input.confirmsDestination };
    case 'BACK_IN_VTM':
      return { ...exitRecord, confirmed: false };
    case 'UNKNOWN':
      return exitRecord;
  }
}

export function completeFollowUp(
  draft: DecisionDraft,
  input: PathInputOf<'followUpCompleted'>,
): Refusal | null {
  const followUp = draft.state.followUps.find((f) => f.followUpId === input.followUpId);
  const exitRecord = draft.state.exit;
  const refusal = firstRefusal(
    // The id first: a follow-up of another path is not found, whatever this path's state.
    () => (followUp === undefined ? notFound('This path has no such follow-up.') : null),
    () => onlyIn(draft, ['FOLLOW_UP'], 'record a follow-up'),
    () => byAccountableOrg(draft, input.actor, 'record the follow-up'),
    () =>
      followUp?.status === 'COMPLETED'
        ? alreadyDone('This follow-up has already been done.')
        : null,
    () => destinationRefusal(input),
  );
  if (refusal || exitRecord === null) {
    return refusal;
  }
  withStatus(draft, input.followUpId, 'COMPLETED');
  draft.cancelWhere(
    (timer) =>
      (timer.kind === PATH_TIMER_KINDS.followUpDue ||
        timer.kind === PATH_TIMER_KINDS.followUpMissed) &&
      timer.payload.followUpId === input.followUpId,
  );
  draft.update({ exit: exitAfter(exitRecord, input) });
  draft.emit({
    name: 'FollowUpCompleted',
    data: {
      followUpId: input.followUpId,
      statusNow: input.statusNow,
      confirmsDestination: input.confirmsDestination,
      ...(input.destination === undefined ? {} : { destination: input.destination }),
    },
  });
  settleFollowUpStep(draft);
  return null;
}

export function followUpDue(draft: DecisionDraft, input: PathInputOf<'followUpDue'>): void {
  const followUp = withStatus(draft, input.followUpId, 'DUE');
  const owner = draft.state.accountable;
  if (followUp?.status !== 'SCHEDULED' || owner === null) {
    return draft.bug(`the due timer of follow-up ${input.followUpId} outlived its schedule`);
  }
  draft.emit({
    name: 'FollowUpDue',
    data: { followUpId: followUp.followUpId, dueDate: followUp.dueDate, ownerOrgId: owner.orgId },
  });
  draft.schedule(
    { type: 'followUpMissed', followUpId: followUp.followUpId },
    lateFrom(followUp.dueDate, draft.policy.followUpGraceBusinessDays),
  );
  settleFollowUpStep(draft);
}

export function followUpMissed(draft: DecisionDraft, input: PathInputOf<'followUpMissed'>): void {
  const followUp = withStatus(draft, input.followUpId, 'MISSED');
  const owner = draft.state.accountable;
  if (followUp?.status !== 'DUE' || owner === null) {
    return draft.bug(`the missed timer of follow-up ${input.followUpId} outlived its due date`);
  }
  draft.emit({
    name: 'FollowUpMissed',
    data: {
      followUpId: followUp.followUpId,
      dueDate: followUp.dueDate,
      ownerOrgId: owner.orgId,
      escalatedTo: 'MANAGER',
    },
  });
  settleFollowUpStep(draft);
}
