import { Controller, type Type } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  EventBatchPattern,
  type JetStreamEventBatchContext,
  type ReceivedEvent,
} from '@polku/messaging';
import { projectTimeline } from './timeline-projection';
import { TIMELINE_ONLY_SUBJECTS } from './timeline-subjects';

/**
 * One @EventBatchPattern handler per subject of TIMELINE_ONLY_SUBJECTS (a decorator names one
 * subject, so each subject gets a method of its own), each putting its batch on the timeline.
 */
function timelineEventsHandler(): Type {
  @Controller()
  class TimelineEventsHandler {}
  const prototype = TimelineEventsHandler.prototype as object;
  for (const subject of TIMELINE_ONLY_SUBJECTS) {
    const name = `timeline ${subject}`;
    Object.defineProperty(prototype, name, {
      value: (events: readonly ReceivedEvent[], context: JetStreamEventBatchContext) =>
        projectTimeline(
          context.getEntityManager(),
          events.map((event) => event.envelope),
        ),
      writable: true,
      configurable: true,
    });
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name) as PropertyDescriptor;
    EventBatchPattern(subject)(prototype, name, descriptor);
    Payload()(prototype, name, 0);
    Ctx()(prototype, name, 1);
  }
  return TimelineEventsHandler;
}

/** The timeline's consumer of every event the access projection does not consume. */
export const TimelineEventsHandler = timelineEventsHandler();
