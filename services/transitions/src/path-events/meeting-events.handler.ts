import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  NETWORK_MEETING_HELD_V1,
  type EventEnvelope,
  type NetworkMeetingHeldPayload,
} from '@polku/contracts';
import type { JetStreamEventContext } from '@polku/messaging';
import { meetingHeldInput } from './event-inputs';
import { PathEventFeed } from './path-event-feed';

/**
 * network-meetings' held meetings: a transition meeting or joint transfer visit ticks the
 * checklist of the hand-off or measure it was held for (docs/transitions.md). It never moves the
 * path; it is recorded in the consumer's transaction like every other service's fact.
 */
@Controller()
export class MeetingEventsHandler {
  constructor(private readonly feed: PathEventFeed) {}

  @EventPattern(NETWORK_MEETING_HELD_V1.subject)
  async onMeetingHeld(
    @Payload() envelope: EventEnvelope<NetworkMeetingHeldPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await this.feed.feed(context.getEntityManager(), { envelope, ...meetingHeldInput(envelope) });
  }
}
