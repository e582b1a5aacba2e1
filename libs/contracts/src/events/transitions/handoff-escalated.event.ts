import { IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';
import { ESCALATION_LEVELS, type EscalationLevel } from './next-step';

/**
 * Whose ladder an escalation climbs: the sender's, accountable until the hand-off is completed,
 * or (at the team lead's and the manager's rungs) the receiver's, which has not answered.
 */
export const HANDOFF_ESCALATION_PARTIES = ['SENDER', 'RECEIVER'] as const;

export type HandoffEscalationParty = (typeof HANDOFF_ESCALATION_PARTIES)[number];

/**
 * Payload of HandoffEscalated v1: an unanswered hand-off climbs one rung of the ladder. From the
 * team lead's rung on, one event per organisation: the sender's and the receiver's.
 */
export class HandoffEscalatedPayload {
  @FieldDoc('The hand-off, as in HandoffProposed.')
  @IsUUID()
  readonly handoffId!: string;

  @FieldDoc(
    'Who in escalatedToOrgId it is escalated to: the sender’s named worker, then (5 business days later) the team lead, then the manager; the receiver’s team lead and manager at the same rungs.',
  )
  @IsIn(ESCALATION_LEVELS)
  readonly level!: EscalationLevel;

  @FieldDoc(
    'The organisation whose ladder this is: the sender’s, which stays accountable for the path until the hand-off is completed, or (escalatedToParty RECEIVER) the receiving organisation, which has not answered.',
  )
  @IsUUID()
  readonly escalatedToOrgId!: string;

  @FieldDoc(
    'Whose organisation escalatedToOrgId is: SENDER or RECEIVER. Absent means SENDER (events written before the receiver was escalated to).',
  )
  @IsOptional()
  @IsIn(HANDOFF_ESCALATION_PARTIES)
  readonly escalatedToParty?: HandoffEscalationParty;

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
    'A proposed hand-off was not answered by its deadline and was escalated one step: the sender’s worker, then the team lead and the manager of both the sender’s and the receiving organisation (one event each).',
  emittedBy:
    'transitions (system timer), when the answer deadline or the previous escalation has passed.',
});
