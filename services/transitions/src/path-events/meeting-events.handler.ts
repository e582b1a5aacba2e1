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
import { meetingHeldInput } from './event-inputs';
import { PathEventFeed } from './path-event-feed';

/**
 * network-meetings' meetings: each invited organisation is a party of the path for the meeting
 * (MEETING_PARTICIPANT), so this service's access checks (the path itself, its hand-offs) let it
 * in while the meeting lasts and the client's consent names it. One handler per subject: a
 * subject has one durable consumer. A held transition meeting or joint transfer visit also ticks
 * the checklist of the hand-off or measure it was held for (docs/transitions.md): projected
 * first, then fed to the path machine, both in the consumer's transaction; one the machine parks
 * until its predecessor arrives (arrival-order.ts) stays projected.
 */
@Controller()
export class MeetingEventsHandler {
  constructor(private readonly feed: PathEventFeed) {}

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
    const em = context.getEntityManager();
    await projectPathAccessEvents(em, [envelope]);
    await this.feed.feed(em, { envelope, ...meetingHeldInput(envelope) });
  }

  @EventPattern(NETWORK_MEETING_CANCELLED_V1.subject)
  async onMeetingCancelled(
    @Payload() envelope: EventEnvelope<NetworkMeetingCancelledPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await projectPathAccessEvents(context.getEntityManager(), [envelope]);
  }
}
