import type { DecisionDraft } from '../decision-draft';
import { conflict, firstRefusal, invalid, type Refusal } from '../path-decision';
import { destinationProblem, isContinuation, isUnclear } from '../path-destination';
import { byAccountableOrg, dateFromToday, onlyIn, requiredText, validDate } from '../path-guards';
import type { PathInputOf } from '../path-inputs';
import { inBusinessDays, step } from '../next-step';
import { isClosable, scheduleExitFollowUps, settleFollowUpStep } from './follow-up-schedule';

// Leaving the intermediate labour market, unclear paths, closing and re-entry. Nothing ends
// silently: CLOSED only by pathClosed with a confirmed destination, REENTERED only by a return.

export function exit(draft: DecisionDraft, input: PathInputOf<'exited'>): Refusal | null {
  const { pendingReferral, pendingHandoff, activeMeasure, state } = draft.state;
  const destination = input.destination;
  const refusal = firstRefusal(
    () =>
      state === 'IN_MEASURE' || state === 'PAUSED' || activeMeasure !== null
        ? conflict('The measure has not ended: record its end first, then the exit.')
        : null,
    () =>
      state === 'FOLLOW_UP'
        ? conflict('The client has already exited; follow them up instead.')
        : null,
    () =>
      onlyIn(
        draft,
        ['REFERRED', 'INTAKE', 'PLANNING', 'TRANSITION_PENDING', 'UNCLEAR_PATH'],
        'record an exit',
      ),
    () =>
      pendingReferral === null
        ? null
        : conflict(`The referral to ${pendingReferral.toOrgId} must be answered before an exit.`),
    () =>
      pendingHandoff === null
        ? null
        : conflict(
            `The hand-off to ${pendingHandoff.receivingOrgId} is pending: it must be answered before an exit.`,
          ),
    () => byAccountableOrg(draft, input.actor, 'record the exit'),
    () =>
      destination === undefined
        ? invalid('An exit needs a destination: where did the client go (Table 7)?')
        : null,
    () => {
      const problem = destination === undefined ? null : destinationProblem(destination);
      return problem === null ? null : invalid(`destination: ${problem}.`);
    },
    () =>
      destination !== undefined && isContinuation(destination)
        ? invalid(
            'Another measure is a hand-off (propose a hand-off) and a return is a new path, not an exit.',
          )
        : null,
    () =>
      state === 'UNCLEAR_PATH' && destination !== undefined && isUnclear(destination)
        ? conflict('The path is already unclear: review it and set the next review date instead.')
        : null,
    () => validDate(input.exitDate, 'exitDate'),
    () =>
      input.exitDate > draft.at
        ? invalid(
            `The exit date ${input.exitDate} is in the future: record the exit when it happens.`,
          )
        : null,
  );
  if (refusal || destination === undefined) {
    return refusal;
  }
  const exitRecord = { destination, confirmed: input.confirmed, exitDate: input.exitDate };
  draft.emit({ name: 'ClientExited', data: exitRecord });
  if (isUnclear(destination)) {
    flagUnclear(draft, inBusinessDays(draft, draft.policy.unclearPathReviewBusinessDays));
    draft.update({ exit: exitRecord });
    return null;
  }
  draft.update({ state: 'FOLLOW_UP', exit: exitRecord });
  scheduleExitFollowUps(draft, input.exitDate, destination);
  settleFollowUpStep(draft);
  return null;
}

/** An unclear path keeps its owner, who searches on and reviews it by the date (invariant 4). */
function flagUnclear(draft: DecisionDraft, reviewDate: string): void {
  const accountable = draft.state.accountable;
  if (accountable === null) {
    throw new Error('bug: an unclear path without an owner');
  }
  draft.update({ state: 'UNCLEAR_PATH', nextStep: step('REVIEW_UNCLEAR_PATH', reviewDate) });
  draft.emit({
    name: 'UnclearPathFlagged',
    data: {
      searchOwnerOrgId: accountable.orgId,
      searchWorkerId: accountable.workerId,
      reviewDate,
    },
  });
}

export function reviewUnclearPath(
  draft: DecisionDraft,
  input: PathInputOf<'unclearPathReviewed'>,
): Refusal | null {
  const refusal = firstRefusal(
    () => onlyIn(draft, ['UNCLEAR_PATH'], 'review an unclear path'),
    () => byAccountableOrg(draft, input.actor, 'review the unclear path'),
    () =>
      input.nextReviewDate === undefined
        ? null
        : dateFromToday(draft, input.nextReviewDate, 'nextReviewDate'),
  );
  if (refusal) {
    return refusal;
  }
  flagUnclear(
    draft,
    input.nextReviewDate ?? inBusinessDays(draft, draft.policy.unclearPathReviewBusinessDays),
  );
  return null;
}

export function closePath(draft: DecisionDraft, input: PathInputOf<'pathClosed'>): Refusal | null {
  const { exit: exitRecord, followUps } = draft.state;
  const refusal = firstRefusal(
    () =>
      draft.state.state === 'UNCLEAR_PATH'
        ? conflict(
            'An unclear path cannot be closed: find the client a next step or record where they went.',
          )
        : null,
    () => onlyIn(draft, ['FOLLOW_UP'], 'close the path'),
    () => byAccountableOrg(draft, input.actor, 'close the path'),
    () =>
      draft.state.activeMeasure === null
        ? null
        : conflict(
            `The measure ${draft.state.activeMeasure.measureId} started after the exit and has not ended: the client is back in a measure, so the path cannot be closed.`,
          ),
    () =>
      exitRecord?.confirmed === true
        ? null
        : conflict(
            'The destination is not confirmed yet: a follow-up has to confirm where the client is.',
          ),
    () => {
      const open = followUps.filter((f) => f.status !== 'COMPLETED');
      return open.length === 0
        ? null
        : conflict(
            `Follow-ups are not done yet (due ${open.map((f) => f.dueDate).join(', ')}): complete them before closing.`,
          );
    },
  );
  if (refusal || exitRecord === null || !isClosable(draft)) {
    return refusal;
  }
  draft.cancelAll();
  draft.update({ state: 'CLOSED', nextStep: null });
  draft.emit({
    name: 'PathClosed',
    data: { confirmedDestination: exitRecord.destination, closedAt: draft.at },
  });
  return null;
}

/**
 * The client came back and a new path carries them (client-intake's
 * ClientReturnedToIntermediateMarket). From follow-up or an unclear path this one is continued
 * by the new path; anywhere else it is recorded only: a finished path stays finished, and an
 * open one keeps its owner, who ends it with an exit.
 */
export function continueAsNewPath(
  draft: DecisionDraft,
  input: PathInputOf<'returnedAsNewPath'>,
): Refusal | null {
  const refusal = firstRefusal(
    () => requiredText(input.newPathId, 'newPathId'),
    () => (input.newPathId === draft.pathId ? invalid('A path cannot continue itself.') : null),
  );
  if (refusal || !['FOLLOW_UP', 'UNCLEAR_PATH'].includes(draft.state.state)) {
    return refusal;
  }
  draft.cancelAll();
  draft.update({ state: 'REENTERED', nextStep: null, continuedByPathId: input.newPathId });
  return null;
}
