import type { IsoDate } from '@polku/timers';
import type { DecisionDraft } from '../decision-draft';
import { conflict, firstRefusal, forbidden, invalid, type Refusal } from '../path-decision';
import { byAccountableOrg, onlyIn, requiredText, validDate } from '../path-guards';
import type { PathInputOf } from '../path-inputs';
import type { PathState } from '../path-state';
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
    pendingReferral: { toOrgId: input.toOrgId, answerDueDate },
    nextStep: step('ANSWER_REFERRAL', answerDueDate),
  });
}

/** The first referral creates the path. */
export function startPath(draft: DecisionDraft, input: PathInputOf<'referred'>): void {
  sendReferral(draft, input);
}

/** A new referral of the same path, by its referrer, after the last one was declined. */
export function referAgain(draft: DecisionDraft, input: PathInputOf<'referred'>): Refusal | null {
  const refusal = firstRefusal(
    () => referralRefusal(input),
    () =>
      input.pathId === draft.pathId
        ? null
        : invalid(`The referral names the path ${input.pathId}, not ${draft.pathId}.`),
    () => onlyIn(draft, ['REFERRED'], 'refer the client again'),
    () =>
      draft.state.pendingReferral === null
        ? null
        : conflict(
            `The referral to ${draft.state.pendingReferral.toOrgId} is still waiting for an answer.`,
          ),
    () => byAccountableOrg(draft, input.actor, 'refer the client to another service'),
  );
  if (refusal) {
    return refusal;
  }
  sendReferral(draft, input);
  return null;
}

function answerRefusal(
  draft: DecisionDraft,
  input: PathInputOf<'referralAccepted' | 'referralDeclined'>,
  doing: string,
): Refusal | null {
  const pending = draft.state.pendingReferral;
  return firstRefusal(
    () => onlyIn(draft, ['REFERRED'], doing),
    () => (pending === null ? conflict('There is no referral waiting for an answer.') : null),
    () =>
      pending?.toOrgId === input.actor.orgId
        ? null
        : forbidden(`Only the organisation the client was referred to can ${doing}.`),
  );
}

export function acceptReferral(
  draft: DecisionDraft,
  input: PathInputOf<'referralAccepted'>,
): Refusal | null {
  const refusal = answerRefusal(draft, input, 'accept the referral');
  if (refusal) {
    return refusal;
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
  const refusal = answerRefusal(draft, input, 'decline the referral');
  if (refusal) {
    return refusal;
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
