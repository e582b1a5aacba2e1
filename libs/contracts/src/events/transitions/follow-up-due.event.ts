import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';

/** Payload of FollowUpDue v1: a follow-up's day has come. */
export class FollowUpDuePayload {
  @FieldDoc('The follow-up, as in FollowUpScheduled.')
  @IsUUID()
  readonly followUpId!: string;

  @FieldDoc('The follow-up’s due date.')
  @IsIsoDate()
  readonly dueDate!: string;

  @FieldDoc('The organisation that follows the client up.')
  @IsUUID()
  readonly ownerOrgId!: string;
}

/** A follow-up is due (docs/domain.md §10.2 S6, §10.3 FollowUpSaga). */
export const FOLLOW_UP_DUE_V1 = defineEvent({
  subject: 'polku.transitions.follow-up.follow-up-due.v1',
  type: 'FollowUpDue',
  version: 1,
  dataClass: 'PATH',
  payloadClass: FollowUpDuePayload,
  summary:
    'A scheduled follow-up became due; the owner contacts the client or checks the register and records FollowUpCompleted.',
  emittedBy: 'transitions (system timer), on the due date.',
});
