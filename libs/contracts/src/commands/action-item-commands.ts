import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { HasNoPersonalIdentityCode, IsActorId, IsIsoDate } from '../events/event-validators';
import { MAX_MEETING_TEXT_LENGTH } from '../events/meetings/meeting-kinds';
import { FieldDoc } from '../field-doc.decorator';

/** The states of an agreed next step as listed: OVERDUE is ASSIGNED past its due date. */
export const ACTION_ITEM_STATES = ['ASSIGNED', 'COMPLETED', 'OVERDUE'] as const;

/** One of {@link ACTION_ITEM_STATES}. */
export type ActionItemState = (typeof ACTION_ITEM_STATES)[number];

/** An agreed next step: what, whose (organisation and named worker) and by when. */
export class AgreedNextStepInput {
  @FieldDoc('What is to be done, in a sentence; no identity and no health detail.', {
    example: 'Book a work-ability assessment',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_MEETING_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  description!: string;

  @FieldDoc('The organisation that owns it.')
  @IsUUID()
  ownerOrgId!: string;

  @FieldDoc('The named worker of that organisation (the identity provider’s user id).', {
    example: 'worker-1',
  })
  @IsActorId()
  ownerWorkerId!: string;

  @FieldDoc('When it is due; today or later.', { example: '2027-12-15' })
  @IsIsoDate()
  dueDate!: string;
}

/** POST /api/v1/paths/{pathId}/agreed-steps: a next step agreed outside a meeting. */
export class AssignActionItemCommand extends AgreedNextStepInput {}
