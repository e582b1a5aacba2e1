import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';

/** Payload of PlanReviewOverdue v1: a plan's review date has passed without a review. */
export class PlanReviewOverduePayload {
  @FieldDoc('The plan whose review is overdue, as in ActivationPlanAgreed.')
  @IsUUID()
  readonly planId!: string;

  @FieldDoc('The review date that passed without a review.')
  @IsIsoDate()
  readonly dueDate!: string;
}

/** A plan's review is overdue (docs/domain.md §10.2 S2, §3.4; docs/domain.md §4.9 defaults). */
export const PLAN_REVIEW_OVERDUE_V1 = defineEvent({
  subject: 'polku.plans.plan.plan-review-overdue.v1',
  type: 'PlanReviewOverdue',
  version: 1,
  // PLAN, like PlanReviewDue; escalation to managers goes through dashboards' aggregates.
  dataClass: 'PLAN',
  payloadClass: PlanReviewOverduePayload,
  summary:
    'An activation plan’s review date passed without a review, after the configured grace (5 business days by default); the review is escalated.',
  emittedBy: 'activation-plans (system timer), when the grace after the review date has passed.',
});
