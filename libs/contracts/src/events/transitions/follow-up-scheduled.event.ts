import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate, IsListOf } from '../event-validators';

/** How many follow-ups one exit can schedule: monthly for a year at most. */
export const MAX_SCHEDULED_FOLLOW_UPS = 12;

/** One follow-up and its due date. */
export class ScheduledFollowUp {
  @FieldDoc('The follow-up; FollowUpDue, FollowUpCompleted and FollowUpMissed name it.')
  @IsUUID()
  readonly followUpId!: string;

  @FieldDoc('When the follow-up is due.')
  @IsIsoDate()
  readonly dueDate!: string;
}

/** Payload of FollowUpScheduled v1: the follow-ups of an exit, each with its due date. */
export class FollowUpScheduledPayload {
  @FieldDoc('The organisation that follows the client up and is accountable for it.')
  @IsUUID()
  readonly ownerOrgId!: string;

  @FieldDoc('The follow-ups, each id once (by default 1, 3 and 6 months after the exit date).')
  @IsListOf(() => ScheduledFollowUp)
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_SCHEDULED_FOLLOW_UPS)
  // An item without an id stands for itself here; its own rules report it.
  @ArrayUnique(
    (followUp: unknown) => (followUp as Partial<ScheduledFollowUp> | null)?.followUpId ?? followUp,
    { message: '$property must not name a follow-up twice' },
  )
  readonly followUps!: ScheduledFollowUp[];
}

/** Every exit schedules follow-ups (docs/domain.md §10.2 S6, §3.8; docs/domain.md §4.5). */
export const FOLLOW_UP_SCHEDULED_V1 = defineEvent({
  subject: 'polku.transitions.follow-up.follow-up-scheduled.v1',
  type: 'FollowUpScheduled',
  version: 1,
  dataClass: 'PATH',
  payloadClass: FollowUpScheduledPayload,
  summary:
    'The follow-ups of an exit were scheduled with their due dates and owner; exits to the open labour market and supported employment always get them.',
  emittedBy: 'transitions (system), on ClientExited.',
});
