import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';

/** Payload of PlanReviewDue v1: a plan's review date has come. */
export class PlanReviewDuePayload {
  @FieldDoc('The plan to review, as in ActivationPlanAgreed.')
  @IsUUID()
  readonly planId!: string;

  @FieldDoc('The review date that has come, from ActivationPlanAgreed or the latest revision.')
  @IsIsoDate()
  readonly dueDate!: string;
}

/** A plan's review date has come (docs/domain.md §10.2 S2, §3.4; docs/domain.md §4.9 defaults). */
export const PLAN_REVIEW_DUE_V1 = defineEvent({
  subject: 'polku.plans.plan.plan-review-due.v1',
  type: 'PlanReviewDue',
  version: 1,
  // PLAN: a reminder for the plan's parties; whoever may not see the plan has no use for it.
  dataClass: 'PLAN',
  payloadClass: PlanReviewDuePayload,
  summary:
    'An activation plan’s review date has come; its parties are reminded to review it with the client.',
  emittedBy: 'activation-plans (system timer) on the plan’s review date.',
});
