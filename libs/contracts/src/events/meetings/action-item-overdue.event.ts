import { IsIn, IsInt, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsActorId, IsIsoDate } from '../event-validators';
import { ESCALATION_LEVELS, type EscalationLevel } from '../transitions/next-step';

/**
 * Payload of ActionItemOverdue v1: an agreed next step passed its due date and climbs the
 * escalation ladder in its owner organisation, one event per rung (worker, team lead, manager).
 */
export class ActionItemOverduePayload {
  @FieldDoc('The action item, as in ActionItemAssigned.')
  @IsUUID()
  readonly actionItemId!: string;

  @FieldDoc('The due date that passed.')
  @IsIsoDate()
  readonly dueDate!: string;

  @FieldDoc(
    'Who in the owner organisation it is escalated to: the worker, the team lead, the manager.',
  )
  @IsIn(ESCALATION_LEVELS)
  readonly level!: EscalationLevel;

  @FieldDoc('The organisation that owns it.')
  @IsUUID()
  readonly ownerOrgId!: string;

  @FieldDoc('The named worker who owns it.')
  @IsActorId()
  readonly ownerWorkerId!: string;

  @FieldDoc('Finnish business days since the due date.')
  @IsInt()
  @Min(0)
  readonly businessDaysOverdue!: number;
}

/** An agreed next step is overdue and escalated one rung. */
export const ACTION_ITEM_OVERDUE_V1 = defineEvent({
  subject: 'polku.meetings.action-item.action-item-overdue.v1',
  type: 'ActionItemOverdue',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ActionItemOverduePayload,
  summary:
    'An agreed next step passed its due date and was escalated one rung in its owner organisation.',
  emittedBy: 'network-meetings (system timer), when the due date or the previous rung has passed.',
});
