import { IsIn, IsInt, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';
import { ESCALATION_LEVELS, type EscalationLevel } from './next-step';

/** Payload of HandoffEscalated v1: an unanswered hand-off climbs one rung of the ladder. */
export class HandoffEscalatedPayload {
  @FieldDoc('The hand-off, as in HandoffProposed.')
  @IsUUID()
  readonly handoffId!: string;

  @FieldDoc(
    'Who in the sender’s organisation it is escalated to: the named worker, then (5 business days later) the team lead, then the manager.',
  )
  @IsIn(ESCALATION_LEVELS)
  readonly level!: EscalationLevel;

  @FieldDoc(
    'The sender’s organisation, which stays accountable for the path until the hand-off is completed.',
  )
  @IsUUID()
  readonly escalatedToOrgId!: string;

  @FieldDoc('The answer deadline that passed, as in HandoffProposed.')
  @IsIsoDate()
  readonly answerDueDate!: string;

  @FieldDoc('Finnish business days since the answer deadline.')
  @IsInt()
  @Min(0)
  readonly businessDaysOverdue!: number;
}

/** A hand-off is unanswered past its deadline (docs/domain.md §10.3 HandoffSaga; docs/domain.md §4.4). */
export const HANDOFF_ESCALATED_V1 = defineEvent({
  subject: 'polku.transitions.handoff.handoff-escalated.v1',
  type: 'HandoffEscalated',
  version: 1,
  dataClass: 'PATH',
  payloadClass: HandoffEscalatedPayload,
  summary:
    'A proposed hand-off was not answered by its deadline and was escalated one step in the sender’s organisation: worker, team lead, manager.',
  emittedBy:
    'transitions (system timer), when the answer deadline or the previous escalation has passed.',
});
