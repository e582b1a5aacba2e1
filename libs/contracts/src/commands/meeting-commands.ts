import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import {
  IsNotBefore,
  IsRequiredOnlyWhen,
  IsUtcTimestamp,
  WHEN_PRESENT,
} from '../events/event-validators';
import {
  MAX_MEETING_DECISIONS,
  MAX_MEETING_INVITEES,
  MEETING_CANCELLATION_REASONS,
  MEETING_CONVENOR_KINDS,
  MEETING_DECISION_KINDS,
  MEETING_KINDS,
  MEETING_VENUES,
  type MeetingCancellationReason,
  type MeetingConvenorKind,
  type MeetingDecisionKind,
  type MeetingKind,
  type MeetingVenue,
} from '../events/meetings/meeting-kinds';
import { MeetingParticipant } from '../events/meetings/meeting-participant';
import { FieldDoc } from '../field-doc.decorator';
import { AgreedNextStepInput } from './action-item-commands';
import { MeetingClientViewInput } from './client-voice-commands';

const byOrgId = (entry: unknown) => (entry as Partial<MeetingParticipant> | null)?.orgId ?? entry;

/**
 * POST /api/v1/paths/{pathId}/meetings: a network meeting is scheduled. The convenor's
 * organisation is always the caller's; `convenor` says whether the caller convened it or records
 * that the client did.
 */
export class ScheduleMeetingCommand {
  @FieldDoc('The kind of meeting (docs/domain.md §5).')
  @IsIn(MEETING_KINDS)
  kind!: MeetingKind;

  @FieldDoc('Who convened it: the caller’s organisation, or the client (recorded by the caller).')
  @IsIn(MEETING_CONVENOR_KINDS)
  convenor!: MeetingConvenorKind;

  @FieldDoc(
    'The invited organisations with the roles each sends, the convenor’s own included. An EXPERIENTIAL_EXPERT role needs expertConsentRef (422 EXPERT_CONSENT_MISSING otherwise).',
  )
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_MEETING_INVITEES)
  @ArrayUnique(byOrgId, { message: '$property must not name an organisation twice' })
  @ValidateNested({ each: true })
  @Type(() => MeetingParticipant)
  invitees!: MeetingParticipant[];

  @FieldDoc('When the meeting starts.', { example: '2026-11-30T09:00:00.000Z' })
  @IsUtcTimestamp()
  startsAt!: string;

  @FieldDoc('When it is planned to end; not before startsAt.', {
    example: '2026-11-30T10:30:00.000Z',
  })
  @IsUtcTimestamp()
  @IsNotBefore('startsAt')
  endsAt!: string;

  @FieldDoc('Where, as a category.', { example: 'REMOTE' })
  @IsIn(MEETING_VENUES)
  venue!: MeetingVenue;

  @FieldDoc('Whose premises: required for ORGANISATION_PREMISES, absent otherwise.')
  @IsRequiredOnlyWhen('venue', ['ORGANISATION_PREMISES'])
  @IsUUID('all', WHEN_PRESENT)
  venueOrgId?: string;

  @FieldDoc(
    'The pending hand-off a TRANSITION_MEETING or JOINT_TRANSFER_VISIT is held for; only for those kinds.',
  )
  @IsOptional()
  @IsUUID()
  handoffId?: string;
}

/** POST .../meetings/{meetingId}/cancellation: a scheduled meeting will not be held. */
export class CancelMeetingCommand {
  @FieldDoc('Why, as a category.')
  @IsIn(MEETING_CANCELLATION_REASONS)
  reason!: MeetingCancellationReason;
}

/** A decision the meeting made; the service gives it its id. */
export class MeetingDecisionInput {
  @FieldDoc('What was decided: a plan change, a transition decision or a pause.')
  @IsIn(MEETING_DECISION_KINDS)
  kind!: MeetingDecisionKind;
}

/**
 * POST .../meetings/{meetingId}/record: the meeting was held. The record, the client's view
 * (ClientVoiceRecorded, MEETING_VIEW) and the agreed next steps (ActionItemAssigned) are written
 * in one transaction, or nothing is.
 */
export class RecordMeetingHeldCommand {
  @FieldDoc('When the meeting began.', { example: '2026-11-30T09:05:00.000Z' })
  @IsUtcTimestamp()
  heldAt!: string;

  @FieldDoc('When it ended; not before heldAt.', { example: '2026-11-30T10:20:00.000Z' })
  @IsUtcTimestamp()
  @IsNotBefore('heldAt')
  endedAt!: string;

  @FieldDoc(
    'The organisations present with the roles each sent; one not invited may join. An EXPERIENTIAL_EXPERT needs expertConsentRef (its invitation’s is used when absent).',
  )
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_MEETING_INVITEES)
  @ArrayUnique(byOrgId, { message: '$property must not name an organisation twice' })
  @ValidateNested({ each: true })
  @Type(() => MeetingParticipant)
  participants!: MeetingParticipant[];

  @FieldDoc('Whether the client was present.')
  @IsBoolean()
  clientPresent!: boolean;

  @FieldDoc('The decisions made, each carried out later by a command of its owning service.')
  @IsArray()
  @ArrayMaxSize(MAX_MEETING_DECISIONS)
  @ValidateNested({ each: true })
  @Type(() => MeetingDecisionInput)
  decisions!: MeetingDecisionInput[];

  @FieldDoc('When the network meets next; absent when no next meeting was agreed.', {
    example: '2027-01-15T09:00:00.000Z',
  })
  @IsOptional()
  @IsUtcTimestamp()
  nextMeetingAt?: string;

  @FieldDoc('The client’s own view of the meeting, with the visibility the client chose.')
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingClientViewInput)
  clientView?: MeetingClientViewInput;

  @FieldDoc('What was agreed about the continuation: each an owned, dated next step.')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MEETING_DECISIONS)
  @ValidateNested({ each: true })
  @Type(() => AgreedNextStepInput)
  agreedNextSteps?: AgreedNextStepInput[];
}
