import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsUtcTimestamp } from '../event-validators';
import { MEETING_CANCELLATION_REASONS, type MeetingCancellationReason } from './meeting-kinds';

/** Payload of NetworkMeetingCancelled v1: a scheduled meeting will not be held. */
export class NetworkMeetingCancelledPayload {
  @FieldDoc('The meeting, as in NetworkMeetingScheduled.')
  @IsUUID()
  readonly meetingId!: string;

  @FieldDoc('Why, as a category.')
  @IsIn(MEETING_CANCELLATION_REASONS)
  readonly reason!: MeetingCancellationReason;

  @FieldDoc('When it was cancelled; invited organisations’ meeting access ends then.')
  @IsUtcTimestamp()
  readonly cancelledAt!: string;
}

/** A scheduled network meeting is cancelled. */
export const NETWORK_MEETING_CANCELLED_V1 = defineEvent({
  subject: 'polku.meetings.meeting.network-meeting-cancelled.v1',
  type: 'NetworkMeetingCancelled',
  version: 1,
  dataClass: 'PATH',
  payloadClass: NetworkMeetingCancelledPayload,
  summary: 'A scheduled network meeting was cancelled, with the reason as a category.',
  emittedBy: 'network-meetings, for the convenor or another invited party.',
});
