import type { DecisionDraft } from '../decision-draft';
import {
  alreadyDone,
  conflict,
  firstRefusal,
  forbidden,
  invalid,
  type Refusal,
} from '../path-decision';
import { byAccountableOrg, onlyIn, requiredText, validDate } from '../path-guards';
import type { PathInputOf } from '../path-inputs';
import { PATH_TIMER_KINDS } from '../path-timers';

// Who carries the path inside and across organisations: staff turnover and
// projects whose funding ends are where paths get lost.

export function changeResponsibleWorker(
  draft: DecisionDraft,
  input: PathInputOf<'responsibleWorkerChanged'>,
): Refusal | null {
  const accountable = draft.state.accountable;
  const refusal = firstRefusal(
    () => byAccountableOrg(draft, input.actor, 'change its responsible worker'),
    () => requiredText(input.toWorkerId, 'toWorkerId'),
    () => requiredText(input.reasonCategory, 'reasonCategory'),
    () =>
      input.toWorkerId === accountable?.workerId
        ? alreadyDone('That worker is already responsible for the path.')
        : null,
  );
  if (refusal || accountable === null) {
    return refusal;
  }
  draft.update({ accountable: { ...accountable, workerId: input.toWorkerId } });
  draft.emit({
    name: 'ResponsibleWorkerChanged',
    data: {
      orgId: accountable.orgId,
      fromWorkerId: accountable.workerId,
      toWorkerId: input.toWorkerId,
      reasonCategory: input.reasonCategory,
    },
  });
  return null;
}

/**
 * The accountable provider's funding ends (docs/domain.md §10.3 FundingEndSaga): unless a hand-off is
 * already pending, the next step becomes rehoming the path by the day before the end date
 * (settleNextStep applies it, and keeps applying it until ownership moves). A path in follow-up
 * keeps its follow-up step: its follow-ups move by themselves on the end date unless re-homed.
 */
export function announceFundingEnding(
  draft: DecisionDraft,
  input: PathInputOf<'fundingEnding'>,
): Refusal | null {
  const accountable = draft.state.accountable;
  const refusal = firstRefusal(
    () =>
      input.actor.orgId === input.providerOrgId
        ? null
        : forbidden('Only the provider itself can announce that its funding ends.'),
    () =>
      onlyIn(
        draft,
        [
          'INTAKE',
          'PLANNING',
          'IN_MEASURE',
          'PAUSED',
          'TRANSITION_PENDING',
          'UNCLEAR_PATH',
          'FOLLOW_UP',
        ],
        'rehome the path because funding ends',
      ),
    () =>
      accountable?.orgId === input.providerOrgId
        ? null
        : conflict(
            `The path is not with the provider ${input.providerOrgId}: ${accountable?.orgId ?? 'nobody'} is accountable for it.`,
          ),
    () => validDate(input.endDate, 'endDate'),
    () =>
      input.endDate > draft.at
        ? null
        : invalid(`The funding end date ${input.endDate} must be after today (${draft.at}).`),
  );
  if (refusal) {
    return refusal;
  }
  draft.update({ fundingEndsOn: input.endDate });
  // On the end date the follow-ups of a path still with the provider move to the fallback owner
  // (decide-follow-up-owner.ts); an open path keeps its REHOME_BEFORE_FUNDING_ENDS step.
  draft.cancelWhere((timer) => timer.kind === PATH_TIMER_KINDS.fundingEnded);
  draft.schedule(
    {
      type: 'fundingEnded',
      providerOrgId: input.providerOrgId,
      fallbackOrgId: input.fallbackOrgId ?? null,
    },
    input.endDate,
  );
  draft.emit({
    name: 'ProviderFundingEnding',
    data: { providerOrgId: input.providerOrgId, endDate: input.endDate },
  });
  return null;
}
