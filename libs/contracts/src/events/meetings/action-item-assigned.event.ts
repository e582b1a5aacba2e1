import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { HasNoPersonalIdentityCode, IsActorId, IsIsoDate } from '../event-validators';
import { MAX_MEETING_TEXT_LENGTH } from './meeting-kinds';

/**
 * Payload of ActionItemAssigned v1: an agreed next step ("mitä sovittiin jatkosta",
 * docs/domain.md §5) with one owner — an organisation and its named worker — and a due date.
 * Overdue, it climbs the escalation ladder (ActionItemOverdue) until completed.
 */
export class ActionItemAssignedPayload {
  @FieldDoc('The action item; later action-item events name it.')
  @IsUUID()
  readonly actionItemId!: string;

  @FieldDoc('The meeting where it was agreed; absent for a next step agreed outside a meeting.')
  @IsOptional()
  @IsUUID()
  readonly meetingId?: string;

  @FieldDoc('What is to be done, in a sentence; no identity and no health detail.')
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_MEETING_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  readonly description!: string;

  @FieldDoc('The organisation that owns it.')
  @IsUUID()
  readonly ownerOrgId!: string;

  @FieldDoc('The named worker of that organisation: the identity provider’s pseudonymous user id.')
  @IsActorId()
  readonly ownerWorkerId!: string;

  @FieldDoc('When it is due.')
  @IsIsoDate()
  readonly dueDate!: string;
}

/** A meeting (or a party) agrees a next step with an owner and a due date. */
export const ACTION_ITEM_ASSIGNED_V1 = defineEvent({
  subject: 'polku.meetings.action-item.action-item-assigned.v1',
  type: 'ActionItemAssigned',
  version: 1,
  // PLAN (docs/domain.md §8.3 "Plans and goals": agreed next steps).
  dataClass: 'PLAN',
  payloadClass: ActionItemAssignedPayload,
  summary:
    'An agreed next step was assigned to one organisation and its named worker, with a due date.',
  emittedBy: 'network-meetings, for a party of the meeting or of the path.',
});
