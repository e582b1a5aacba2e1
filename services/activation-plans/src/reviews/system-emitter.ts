import type { EnvelopeEmitter } from '@polku/contracts';

/**
 * The organisation id activation-plans stands for when it emits an event on its own (a timer),
 * with orgRole SYSTEM. No organisation of the directory has it; it is fixed so that audit rows
 * and dashboards can recognise the service's own reminders. @polku/auth has no system emitter
 * helper (emitterOf is for principals), so the service builds its own.
 */
export const ACTIVATION_PLANS_SYSTEM_ORG_ID = '5f0c7a52-8a53-4f1e-9d2b-6c1d3f3a9e10';

/** The plan-review timer as the emitter of PlanReviewDue and PlanReviewOverdue. */
export const PLAN_REVIEW_TIMER_EMITTER: EnvelopeEmitter = {
  orgId: ACTIVATION_PLANS_SYSTEM_ORG_ID,
  orgRole: 'SYSTEM',
  actorId: 'activation-plans:plan-review-timer',
  actorRole: 'SYSTEM',
};
