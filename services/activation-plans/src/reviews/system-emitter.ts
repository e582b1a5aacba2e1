import { systemEmitter } from '@polku/auth';

/** The plan-review timer as the emitter of PlanReviewDue and PlanReviewOverdue. */
export const PLAN_REVIEW_TIMER_EMITTER = systemEmitter('activation-plans:plan-review-timer');
