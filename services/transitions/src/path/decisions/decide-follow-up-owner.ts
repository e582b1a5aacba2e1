import { UNASSIGNED_WORKER_ID } from '@polku/contracts';
import type { DecisionDraft } from '../decision-draft';
import { alreadyDone, firstRefusal, invalid, type Refusal } from '../path-decision';
import { byAccountableOrg, onlyIn, requiredText } from '../path-guards';
import type { PathInputOf } from '../path-inputs';
import { ESCALATION_LEVELS, type Accountable, type EscalationLevel } from '../path-state';
import { PATH_TIMER_KINDS } from '../path-timers';

// Who owns a path's follow-ups after the exit (docs/transitions.md, who owns the follow-ups): the last
// provider, falling back to the employment authority when the provider's funding ends. The
// follow-ups are the accountable organisation's (FollowUpDue and FollowUpMissed name it when they
// fire), so moving them is moving the accountable organisation of a path in FOLLOW_UP.

/**
 * Organisations that can carry a client's follow-ups: the authorities that answer for the
 * client's employment and social services by law, the joint service (TYP), and another
 * provider (post-placement support). Kela, health care, education, employers, debt counselling
 * and experts by experience take part in paths but do not follow clients up (docs/transitions.md).
 */
export const FOLLOW_UP_OWNER_ROLES: readonly string[] = [
  'EMPLOYMENT_AUTHORITY',
  'SOCIAL_SERVICES',
  'JOINT_SERVICE_TYP',
  'PROVIDER',
];

// The fallback owner names no worker: its team lead names one (POST …/responsible-worker).
export { UNASSIGNED_WORKER_ID };

function atLeast(level: EscalationLevel, floor: EscalationLevel): EscalationLevel {
  return ESCALATION_LEVELS.indexOf(level) >= ESCALATION_LEVELS.indexOf(floor) ? level : floor;
}

/** The follow-ups and the path move to `to`; the funding end of the old owner no longer applies. */
function moveFollowUps(
  draft: DecisionDraft,
  to: Accountable,
  reason: 'PROVIDER_FUNDING_ENDED' | 'REASSIGNED',
): void {
  const from = draft.state.accountable;
  if (from === null) {
    return draft.bug('a path in FOLLOW_UP without an owner');
  }
  draft.update({ accountable: to, fundingEndsOn: undefined });
  // The follow-ups' own timers (due, missed) are the path's and fire for whoever owns it then;
  // only the old owner's funding-end timer has nothing left to do.
  draft.cancelWhere((timer) => timer.kind === PATH_TIMER_KINDS.fundingEnded);
  draft.emit({
    name: 'OwnershipTransferred',
    data: {
      fromOrgId: from.orgId,
      fromWorkerId: from.workerId,
      toOrgId: to.orgId,
      toWorkerId: to.workerId,
      reason,
    },
  });
}

/**
 * The owner re-homes the follow-ups of an exited client to another organisation and its named
 * worker, before its funding ends or for any other reason. The receiver must be an active
 * organisation of the registry in a role that follows clients up.
 */
export function rehomeFollowUps(
  draft: DecisionDraft,
  input: PathInputOf<'followUpsRehomed'>,
): Refusal | null {
  const accountable = draft.state.accountable;
  const refusal = firstRefusal(
    () => onlyIn(draft, ['FOLLOW_UP'], 're-home the follow-ups (before the exit, use a hand-off)'),
    () => byAccountableOrg(draft, input.actor, 're-home its follow-ups'),
    () => requiredText(input.toOrgId, 'toOrgId'),
    () => requiredText(input.toWorkerId, 'toWorkerId'),
    () =>
      input.toOrgRole === null
        ? invalid('toOrgId: not an active organisation of the organisation registry.')
        : null,
    () =>
      input.toOrgRole !== null && !FOLLOW_UP_OWNER_ROLES.includes(input.toOrgRole)
        ? invalid(
            `toOrgId: a ${input.toOrgRole} does not follow clients up; choose the employment authority, social services, the joint service (TYP) or a provider.`,
          )
        : null,
    () =>
      input.toWorkerId === UNASSIGNED_WORKER_ID
        ? invalid('toWorkerId: name the worker who takes the follow-ups over.')
        : null,
    () =>
      input.toOrgId === accountable?.orgId
        ? alreadyDone('The follow-ups are already with that organisation.')
        : null,
  );
  if (refusal) {
    return refusal;
  }
  const reason = draft.state.fundingEndsOn === undefined ? 'REASSIGNED' : 'PROVIDER_FUNDING_ENDED';
  moveFollowUps(draft, { orgId: input.toOrgId, workerId: input.toWorkerId }, reason);
  return null;
}

/**
 * The provider's funding has ended (its announced end date): the follow-ups of a path still with
 * it move to the fallback owner, whose team lead names the worker. Without a fallback the path
 * stays with the provider (never without an owner) and its step goes to the provider's manager,
 * where it counts as lost until someone takes it over. A path the provider no longer holds, or
 * that has not exited (its REHOME_BEFORE_FUNDING_ENDS step escalates), is left as it is.
 */
export function fundingEnded(draft: DecisionDraft, input: PathInputOf<'fundingEnded'>): void {
  const { state, accountable, nextStep } = draft.state;
  if (state !== 'FOLLOW_UP' || accountable?.orgId !== input.providerOrgId || nextStep === null) {
    return;
  }
  const fallback = input.fallbackOrgId;
  if (fallback === null || fallback === input.providerOrgId) {
    draft.update({ nextStep: { ...nextStep, level: 'MANAGER' } });
    return;
  }
  moveFollowUps(
    draft,
    { orgId: fallback, workerId: UNASSIGNED_WORKER_ID },
    'PROVIDER_FUNDING_ENDED',
  );
  draft.update({ nextStep: { ...nextStep, level: atLeast(nextStep.level, 'TEAM_LEAD') } });
}
