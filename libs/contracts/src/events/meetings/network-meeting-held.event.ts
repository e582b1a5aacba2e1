import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsOptional,
  IsUUID,
} from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsListOf, IsNotBefore, IsUtcTimestamp } from '../event-validators';
import {
  MAX_MEETING_DECISIONS,
  MAX_MEETING_INVITEES,
  MEETING_DECISION_KINDS,
  MEETING_KINDS,
  type MeetingDecisionKind,
  type MeetingKind,
} from './meeting-kinds';
import { MeetingParticipant } from './meeting-participant';

/**
 * A decision the meeting made, to be carried out by a command in the service that owns it. Its
 * content is that command's (the plan revision, the hand-off, the pause), linked to it by
 * MeetingDecisionCarriedOut: the meeting record itself carries no free text on the path's
 * skeleton.
 */
export class MeetingDecision {
  @FieldDoc('The decision; MeetingDecisionCarriedOut names it.')
  @IsUUID()
  readonly decisionId!: string;

  @FieldDoc('What was decided: a plan change, a transition decision or a pause.')
  @IsIn(MEETING_DECISION_KINDS)
  readonly kind!: MeetingDecisionKind;
}

/**
 * Payload of NetworkMeetingHeld v1: the meeting record (docs/domain.md §5, "what, where, when,
 * what was agreed about the continuation, who was present"). The client's own view follows as a
 * ClientVoiceRecorded of kind MEETING_VIEW, the agreed next steps as ActionItemAssigned, each
 * naming the meeting.
 */
export class NetworkMeetingHeldPayload {
  @FieldDoc('The meeting, as in NetworkMeetingScheduled.')
  @IsUUID()
  readonly meetingId!: string;

  @FieldDoc('The kind of meeting, as scheduled.')
  @IsIn(MEETING_KINDS)
  readonly kind!: MeetingKind;

  @FieldDoc('When the meeting began.')
  @IsUtcTimestamp()
  readonly heldAt!: string;

  @FieldDoc('When it ended; invited organisations’ meeting access ends then.')
  @IsUtcTimestamp()
  @IsNotBefore('heldAt')
  readonly endedAt!: string;

  @FieldDoc('The organisations present, with the roles each sent.')
  @IsListOf(() => MeetingParticipant)
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_MEETING_INVITEES)
  @ArrayUnique(
    (participant: unknown) =>
      (participant as Partial<MeetingParticipant> | null)?.orgId ?? participant,
    {
      message: '$property must not name an organisation twice',
    },
  )
  readonly participants!: MeetingParticipant[];

  @FieldDoc('Whether the client was present.')
  @IsBoolean()
  readonly clientPresent!: boolean;

  @FieldDoc(
    'Whether an experiential expert was present; only on the client’s consent, named by the participant’s expertConsentRef.',
  )
  @IsBoolean()
  readonly expertPresent!: boolean;

  @FieldDoc('The decisions made: plan changes, transition decisions, pauses; empty when none.')
  @IsListOf(() => MeetingDecision)
  @ArrayMaxSize(MAX_MEETING_DECISIONS)
  readonly decisions!: MeetingDecision[];

  @FieldDoc('When the network meets next; absent when no next meeting was agreed.')
  @IsOptional()
  @IsUtcTimestamp()
  readonly nextMeetingAt?: string;

  @FieldDoc(
    'The pending hand-off a transition meeting or joint transfer visit was held for; transitions marks its checklist item done.',
  )
  @IsOptional()
  @IsUUID()
  readonly handoffId?: string;
}

/** The convenor records a held network meeting (docs/domain.md §10.2, NetworkMeetingHeld). */
export const NETWORK_MEETING_HELD_V1 = defineEvent({
  subject: 'polku.meetings.meeting.network-meeting-held.v1',
  type: 'NetworkMeetingHeld',
  version: 1,
  // PATH: who met, when, and what was decided in a sentence; the client's view is CLIENT_VOICE
  // and the agreed next steps PLAN, each in its own event.
  dataClass: 'PATH',
  payloadClass: NetworkMeetingHeldPayload,
  summary:
    'A network meeting was held: who was present, whether the client and an experiential expert were, the decisions and the next meeting.',
  emittedBy: 'network-meetings, for the convenor or another party present.',
});
