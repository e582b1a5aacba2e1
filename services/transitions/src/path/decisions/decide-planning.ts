import type { DecisionDraft } from '../decision-draft';
import { early, type Refusal } from '../path-decision';
import type { PathInputOf } from '../path-inputs';
import type { PathStateName } from '../path-state';
import { inBusinessDays, step } from '../next-step';

// Intake and the activation plan (events of client-intake and activation-plans). Both are facts
// another service accepted after checking access itself: this moves the path or records them,
// and waits only for an event they certainly follow (docs/path-rules.md).

/** States before the intake was completed: a path there has not seen its IntakeCompleted. */
export const BEFORE_INTAKE_COMPLETED: readonly PathStateName[] = ['REFERRED', 'INTAKE'];

/**
 * client-intake records an intake only once the referral is accepted, so on a path still
 * REFERRED the acceptance is on its way. In INTAKE it moves the path to planning, whoever
 * recorded it; anywhere later (the path was handed off or exited from intake, or an intake is
 * recorded again) it is recorded only.
 */
export function completeIntake(
  draft: DecisionDraft,
  _input: PathInputOf<'intakeCompleted'>,
): Refusal | null {
  switch (draft.state.state) {
    case 'REFERRED':
      return early('The referral has not been accepted here yet: its acceptance is on its way.');
    case 'INTAKE':
      draft.update({
        state: 'PLANNING',
        nextStep: step('AGREE_PLAN', inBusinessDays(draft, draft.policy.planBusinessDays)),
      });
      return null;
    default:
      return null;
  }
}

/**
 * Any plan party may record the agreement (the plan is joint: employment authority, social
 * services, provider), so the actor is not checked against the accountable organisation.
 * activation-plans agrees a plan only after it has seen IntakeCompleted (or a completed hand-off),
 * so before the intake here the intake is on its way. The plan moves a path waiting for one
 * (PLANNING, or TRANSITION_PENDING with no measure running and no hand-off pending) to
 * START_MEASURE; anywhere else (a measure already runs, a hand-off is pending, the client has
 * exited) it is recorded only.
 */
export function agreePlan(draft: DecisionDraft, _input: PathInputOf<'planAgreed'>): Refusal | null {
  const { pendingHandoff, activeMeasure, state } = draft.state;
  if (BEFORE_INTAKE_COMPLETED.includes(state)) {
    return early('The intake has not been completed here yet: IntakeCompleted is on its way.');
  }
  const waitingForPlan =
    state === 'PLANNING' ||
    (state === 'TRANSITION_PENDING' && pendingHandoff === null && activeMeasure === null);
  if (waitingForPlan) {
    draft.update({
      state: 'PLANNING',
      nextStep: step('START_MEASURE', inBusinessDays(draft, draft.policy.startMeasureBusinessDays)),
    });
  }
  return null;
}
