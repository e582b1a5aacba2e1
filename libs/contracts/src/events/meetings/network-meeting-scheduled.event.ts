import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsIn,
  IsOptional,
  IsUUID,
} from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import {
  IsListOf,
  IsNotBefore,
  IsRequiredOnlyWhen,
  IsUtcTimestamp,
  WHEN_PRESENT,
} from '../event-validators';
import {
  MAX_MEETING_INVITEES,
  MEETING_CONVENOR_KINDS,
  MEETING_KINDS,
  MEETING_VENUES,
  type MeetingConvenorKind,
  type MeetingKind,
  type MeetingVenue,
} from './meeting-kinds';
import { MeetingParticipant } from './meeting-participant';

/**
 * Payload of NetworkMeetingScheduled v1: a network meeting about the path is scheduled. Each
 * invited organisation is a party to the path (MEETING_PARTICIPANT) from `startsAt` until the
 * meeting is held or cancelled, at the latest until `endsAt`; what it sees then is still what the
 * client's consent covers (docs/meetings.md).
 */
export class NetworkMeetingScheduledPayload {
  @FieldDoc('The meeting; later meeting events name it.')
  @IsUUID()
  readonly meetingId!: string;

  @FieldDoc('The kind of meeting (docs/domain.md §5).')
  @IsIn(MEETING_KINDS)
  readonly kind!: MeetingKind;

  @FieldDoc('Who convened it: a party of the network, or the client (recorded by a party).')
  @IsIn(MEETING_CONVENOR_KINDS)
  readonly convenor!: MeetingConvenorKind;

  @FieldDoc(
    'The organisation that convened it, or that recorded the client’s convening; the emitter’s organisation.',
  )
  @IsUUID()
  readonly convenorOrgId!: string;

  @FieldDoc('The invited organisations with the roles each sends; the convenor’s own included.')
  @IsListOf(() => MeetingParticipant)
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_MEETING_INVITEES)
  @ArrayUnique(
    (invitee: unknown) => (invitee as Partial<MeetingParticipant> | null)?.orgId ?? invitee,
    {
      message: '$property must not name an organisation twice',
    },
  )
  readonly invitees!: MeetingParticipant[];

  @FieldDoc('When the meeting starts.')
  @IsUtcTimestamp()
  readonly startsAt!: string;

  @FieldDoc(
    'When the meeting is planned to end; invited organisations’ access ends then at the latest.',
  )
  @IsUtcTimestamp()
  @IsNotBefore('startsAt')
  readonly endsAt!: string;

  @FieldDoc('Where, as a category: an organisation’s premises, remote, the client’s home, other.')
  @IsIn(MEETING_VENUES)
  readonly venue!: MeetingVenue;

  @FieldDoc('Whose premises, for ORGANISATION_PREMISES only.')
  @IsRequiredOnlyWhen('venue', ['ORGANISATION_PREMISES'])
  @IsUUID('all', WHEN_PRESENT)
  readonly venueOrgId?: string;

  @FieldDoc(
    'The pending hand-off a transition meeting or joint transfer visit is held for; absent otherwise.',
  )
  @IsOptional()
  @IsUUID()
  readonly handoffId?: string;
}

/** A party of the network, or the client, convenes a network meeting (docs/domain.md §10.2). */
export const NETWORK_MEETING_SCHEDULED_V1 = defineEvent({
  subject: 'polku.meetings.meeting.network-meeting-scheduled.v1',
  type: 'NetworkMeetingScheduled',
  version: 1,
  // PATH: who meets about the path, when and where; no plan content and no client voice.
  dataClass: 'PATH',
  payloadClass: NetworkMeetingScheduledPayload,
  summary:
    'A network meeting about the path was scheduled, with its kind, convenor, invited organisations and roles, time and venue.',
  emittedBy: 'network-meetings, for any party of the network or for the client as convenor.',
});
