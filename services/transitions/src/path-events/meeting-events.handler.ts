import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  NETWORK_MEETING_CANCELLED_V1,
  NETWORK_MEETING_HELD_V1,
  NETWORK_MEETING_SCHEDULED_V1,
  type EventEnvelope,
  type NetworkMeetingCancelledPayload,
  type NetworkMeetingHeldPayload,
  type NetworkMeetingScheduledPayload,
} from '@polku/contracts';
import type { JetStreamEventContext } from '@polku/messaging';
import { projectPathAccessEvents } from '@polku/path-access';

/**
 * network-meetings' meetings: each invited organisation is a party of the path for the meeting
 * (MEETING_PARTICIPANT), so this service's access checks (the path itself, its hand-offs) let it
 * in while the meeting lasts and the client's consent names it. One handler per subject: a
 * subject has one durable consumer, and a held meeting may also move a hand-off's checklist.
 */
@Controller()
export class MeetingEventsHandler {
  @EventPattern(NETWORK_MEETING_SCHEDULED_V1.subject)
  async onMeetingScheduled(
    @Payload() envelope: EventEnvelope<NetworkMeetingScheduledPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await projectPathAccessEvents(context.getEntityManager(), [envelope]);
  }

  @EventPattern(NETWORK_MEETING_HELD_V1.subject)
  async onMeetingHeld(
    @Payload() envelope: EventEnvelope<NetworkMeetingHeldPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await projectPathAccessEvents(context.getEntityManager(), [envelope]);
  }

  @EventPattern(NETWORK_MEETING_CANCELLED_V1.subject)
  async onMeetingCancelled(
    @Payload() envelope: EventEnvelope<NetworkMeetingCancelledPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await projectPathAccessEvents(context.getEntityManager(), [envelope]);
  }
}
