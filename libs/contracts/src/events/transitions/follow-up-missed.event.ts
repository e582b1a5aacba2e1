import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';

/** Who a missed follow-up is escalated to: the owner organisation's manager (docs/domain.md §10.2 S6). */
export const FOLLOW_UP_ESCALATION_TARGETS = ['MANAGER'] as const;

/** One of {@link FOLLOW_UP_ESCALATION_TARGETS}. */
export type FollowUpEscalationTarget = (typeof FOLLOW_UP_ESCALATION_TARGETS)[number];

/** Payload of FollowUpMissed v1: a follow-up was not done in time and is escalated. */
export class FollowUpMissedPayload {
  @FieldDoc('The follow-up, as in FollowUpScheduled.')
  @IsUUID()
  readonly followUpId!: string;

  @FieldDoc('The follow-up’s due date that passed.')
  @IsIsoDate()
  readonly dueDate!: string;

  @FieldDoc('The organisation that should have followed the client up and stays accountable.')
  @IsUUID()
  readonly ownerOrgId!: string;

  @FieldDoc('Who in the owner organisation it is escalated to: the manager.')
  @IsIn(FOLLOW_UP_ESCALATION_TARGETS)
  readonly escalatedTo!: FollowUpEscalationTarget;
}

/** A follow-up was missed: the broken chain made visible (docs/domain.md §10.2 S6, §3.8). */
export const FOLLOW_UP_MISSED_V1 = defineEvent({
  subject: 'polku.transitions.follow-up.follow-up-missed.v1',
  type: 'FollowUpMissed',
  version: 1,
  dataClass: 'PATH',
  payloadClass: FollowUpMissedPayload,
  summary:
    'A follow-up was not completed within the grace after its due date (10 business days by default) and was escalated to the owner organisation’s manager.',
  emittedBy: 'transitions (system timer), when the grace after the due date has passed.',
});
