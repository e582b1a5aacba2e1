import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsUtcTimestamp } from '../event-validators';

/** Payload of ActionItemCompleted v1: an agreed next step is done; its escalation stops. */
export class ActionItemCompletedPayload {
  @FieldDoc('The action item, as in ActionItemAssigned.')
  @IsUUID()
  readonly actionItemId!: string;

  @FieldDoc('When it was done.')
  @IsUtcTimestamp()
  readonly completedAt!: string;
}

/** The owner marks an agreed next step done. */
export const ACTION_ITEM_COMPLETED_V1 = defineEvent({
  subject: 'polku.meetings.action-item.action-item-completed.v1',
  type: 'ActionItemCompleted',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ActionItemCompletedPayload,
  summary: 'An agreed next step was completed by its owner organisation.',
  emittedBy: 'network-meetings, for the owner organisation.',
});
