import type { IsoDate } from '@polku/timers';
import type { DecisionDraft } from '../decision-draft';
import { early, firstRefusal, forbidden, invalid, type Refusal } from '../path-decision';
import { requiredText, validDate } from '../path-guards';
import type { PathInputOf } from '../path-inputs';
import type { PathState, PendingReferral } from '../path-state';
import { inBusinessDays, step } from '../next-step';

// Referral and entry. The referrer is accountable until the receiver accepts: a referral is the
// first hand-off of a path, and it must not leave the client with nobody (invariant 2).

/** The state of a path before its first referral: filled in by the referral itself. */
export function unreferredPath(pathId: string): PathState {
  return {
    pathId,
    state: 'REFERRED',
    accountable: null,
    nextStep: null,
    pendingReferral: null,
    pendingHandoff: null,
    activeMeasure: null,
    exit: null,
    followUps: [],
    waits: [],
    timers: [],
    version: 0,
  };
}

export function referralRefusal(input: PathInputOf<'referred'>): Refusal | null {
  return firstRefusal(
    () => requiredText(input.pathId, 'pathId'),
    () => requiredText(input.fromOrgId, 'fromOrgId'),
    () => requiredText(input.toOrgId, 'toOrgId'),
    () => requiredText(input.referrerWorkerId, 'referrerWorkerId'),
    () => requiredText(input.referralId, 'referralId'),
    () => validDate(input.at, 'at'),
    () =>
      input.actor.orgId === input.fromOrgId
        ? null
        : forbidden('Only the referring organisation can send its referral.'),
  );
}

function sendReferral(draft: DecisionDraft, input: PathInputOf<'referred'>): void {
  const answerDueDate: IsoDate = inBusinessDays(draft, draft.policy.referralAnswerBusinessDays);
  draft.update({
    state: 'REFERRED',
    accountable: { orgId: input.fromOrgId, workerId: input.referrerWorkerId },
    pendingReferral: { referralId: input.referralId, toOrgId: input.toOrgId, answerDueDate },
    nextStep: step('ANSWER_REFERRAL', answerDueDate),
  });
}

/** The first referral creates the path. */
export function startPath(draft: DecisionDraft, input: PathInputOf<'referred'>): void {
  sendReferral(draft, input);
}

function declinedReferrals(draft: DecisionDraft): readonly string[] {
  return draft.state.declinedReferralIds ?? [];
}

/** Whether the answer is to the referral pending here (by its receiver, on paths stored without ids). */
function answersPending(
  pending: PendingReferral,
  input: PathInputOf<'referralAccepted' | 'referralDeclined'>,
): boolean {
  return pending.referralId === undefined
    ? pending.toOrgId === input.actor.orgId
    : pending.referralId === input.referralId;
}

/**
 * A new referral of the same path (client-intake's ClientReferred). client-intake re-refers only
 * when every earlier referral of the path was declined. So a referral seen declined already, or
 * arriving on a path past REFERRED (the answer to it overtook it), is recorded only; while
 * another referral is pending here, either its decline or this one's is on its way (EARLY).
 * Whoever client-intake let re-refer becomes accountable until the receiver answers: it checked
 * access, so this does not refuse on the actor.
 */
export function referAgain(draft: DecisionDraft, input: PathInputOf<'referred'>): Refusal | null {
  const pending = draft.state.pendingReferral;
  const refusal = firstRefusal(
    () => referralRefusal(input),
    () =>
      input.pathId === draft.pathId
        ? null
        : invalid(`The referral names the path ${input.pathId}, not ${draft.pathId}.`),
  );
  if (
    refusal ||
    draft.state.state !== 'REFERRED' ||
    declinedReferrals(draft).includes(input.referralId) ||
    pending?.referralId === input.referralId
  ) {
    return refusal;
  }
  if (pending !== null) {
    return early(
      `The referral to ${pending.toOrgId} is still waiting for an answer here: its decline, or this referral's, is on its way.`,
    );
  }
  sendReferral(draft, input);
  return null;
}

/**
 * client-intake lets only the receiver answer the pending referral, and a path accepts one
 * referral at most. An acceptance of a referral not pending here is early (the referral, and
 * the decline of the one before, are on their way); a decline of one is recorded, so that the
 * referral, arriving later, is too. Once the path is past REFERRED, an answer is recorded only.
 */
export function acceptReferral(
  draft: DecisionDraft,
  input: PathInputOf<'referralAccepted'>,
): Refusal | null {
  const pending = draft.state.pendingReferral;
  if (draft.state.state !== 'REFERRED') {
    return null;
  }
  if (pending === null || !answersPending(pending, input)) {
    return early('The referral this accepts has not arrived here yet: it is on its way.');
  }
  draft.update({
    state: 'INTAKE',
    accountable: { orgId: input.actor.orgId, workerId: input.workerId ?? input.actor.workerId },
    pendingReferral: null,
    nextStep: step('COMPLETE_INTAKE', inBusinessDays(draft, draft.policy.intakeBusinessDays)),
  });
  return null;
}

export function declineReferral(
  draft: DecisionDraft,
  input: PathInputOf<'referralDeclined'>,
): Refusal | null {
  const pending = draft.state.pendingReferral;
  if (draft.state.state !== 'REFERRED') {
    return null;
  }
  if (pending === null || !answersPending(pending, input)) {
    draft.update({ declinedReferralIds: [...declinedReferrals(draft), input.referralId] });
    return null;
  }
  // Back to the referrer, who stays accountable: the client is never left in the void.
  draft.update({
    pendingReferral: null,
    nextStep: step(
      'FIND_NEW_SERVICE',
      inBusinessDays(draft, draft.policy.findNewServiceBusinessDays),
    ),
  });
  return null;
}
