import type { DecisionDraft } from '../decision-draft';
import { conflict, firstRefusal, type Refusal } from '../path-decision';
import { byAccountableOrg, onlyIn } from '../path-guards';
import type { PathInputOf } from '../path-inputs';
import { inBusinessDays, step } from '../next-step';

// Intake and the activation plan (events of client-intake and activation-plans).

export function completeIntake(
  draft: DecisionDraft,
  input: PathInputOf<'intakeCompleted'>,
): Refusal | null {
  const refusal = firstRefusal(
    () => onlyIn(draft, ['INTAKE'], 'complete the intake'),
    () => byAccountableOrg(draft, input.actor, 'complete the intake'),
  );
  if (refusal) {
    return refusal;
  }
  draft.update({
    state: 'PLANNING',
    nextStep: step('AGREE_PLAN', inBusinessDays(draft, draft.policy.planBusinessDays)),
  });
  return null;
}

/**
 * Any plan party may record the agreement (the plan is joint: employment authority, social
 * services, provider), so the actor is not checked against the accountable organisation. After a
 * measure has ended or a hand-off was declined, a new plan starts a new planning step.
 */
export function agreePlan(draft: DecisionDraft, _input: PathInputOf<'planAgreed'>): Refusal | null {
  const { pendingHandoff, activeMeasure } = draft.state;
  const refusal = firstRefusal(
    () => onlyIn(draft, ['PLANNING', 'TRANSITION_PENDING'], 'agree a plan'),
    () =>
      pendingHandoff === null
        ? null
        : conflict(
            `A hand-off to ${pendingHandoff.receivingOrgId} is pending: the receiver plans with the client once it is completed.`,
          ),
    () =>
      activeMeasure === null
        ? null
        : conflict(`The measure ${activeMeasure.measureId} has not ended yet.`),
  );
  if (refusal) {
    return refusal;
  }
  draft.update({
    state: 'PLANNING',
    nextStep: step('START_MEASURE', inBusinessDays(draft, draft.policy.startMeasureBusinessDays)),
  });
  return null;
}
