import type { IsoDate } from '@polku/timers';
import type { DecisionDraft } from '../decision-draft';
import { early, firstRefusal, forbidden, invalid, type Refusal } from '../path-decision';
import { requiredText, validDate } from '../path-guards';
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

/**
 * A new referral of the same path (client-intake's ClientReferred). client-intake re-refers only
 * when every earlier referral of the path was declined, so: while this service still sees one
 * pending, its decline is on its way (EARLY); on a path already past REFERRED, the answer to
 * this very referral overtook it (recorded only). Whoever client-intake let re-refer becomes
 * accountable until the receiver answers: it checked access, this does not refuse on actor.
 */
export function referAgain(draft: DecisionDraft, input: PathInputOf<'referred'>): Refusal | null {
  const refusal = firstRefusal(
    () => referralRefusal(input),
    () =>
      input.pathId === draft.pathId
        ? null
        : invalid(`The referral names the path ${input.pathId}, not ${draft.pathId}.`),
    () =>
      draft.state.pendingReferral === null
        ? null
        : early(
            `The referral to ${draft.state.pendingReferral.toOrgId} is still waiting for an answer here: its decline is on its way.`,
          ),
  );
  if (refusal) {
    return refusal;
  }
  if (draft.state.state === 'REFERRED') {
    sendReferral(draft, input);
  }
  return null;
}

/**
 * The answer to a referral this service has not seen yet (a re-referral after a decline, or one
 * to another organisation than the one still pending here) is early: client-intake lets only
 * the receiver of the pending referral answer it. Once the path is past REFERRED, a later
 * answer of the same chain has already moved it, and this one is recorded only.
 */
function answerNotYetDue(
  draft: DecisionDraft,
  input: PathInputOf<'referralAccepted' | 'referralDeclined'>,
): Refusal | null {
  const pending = draft.state.pendingReferral;
  if (draft.state.state !== 'REFERRED') {
    return null;
  }
  if (pending === null) {
    return early(
      'No referral is waiting for an answer here: the referral it answers is on its way.',
    );
  }
  return pending.toOrgId === input.actor.orgId
    ? null
    : early(
        `The pending referral here was sent to ${pending.toOrgId}: its decline and the referral this answers are on their way.`,
      );
}

export function acceptReferral(
  draft: DecisionDraft,
  input: PathInputOf<'referralAccepted'>,
): Refusal | null {
  const refusal = answerNotYetDue(draft, input);
  if (refusal || draft.state.state !== 'REFERRED') {
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
  const refusal = answerNotYetDue(draft, input);
  if (refusal || draft.state.state !== 'REFERRED') {
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
