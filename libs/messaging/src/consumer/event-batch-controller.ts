import { Controller, type Type } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { EventBatchPattern } from './event-batch-pattern.decorator';
import type { JetStreamEventBatchContext } from './jetstream-event-batch.context';
import type { ReceivedEvent } from './event-handler';

/** What one batch of any of the subjects is handed to, in the consumer's transaction. */
export type EventBatchHandling = (
  events: readonly ReceivedEvent[],
  em: EntityManager,
) => Promise<void>;

/**
 * A Nest controller with one @EventBatchPattern handler per subject, each handing its batch to
 * `handle` in the consumer's transaction: for a projection that consumes many subjects the same
 * way (an @EventBatchPattern names one subject, so each subject needs a method of its own). Each
 * subject keeps its own durable consumer with exactly-once and dead-letter guarantees.
 */
export function eventBatchController(options: {
  readonly subjects: readonly string[];
  readonly handle: EventBatchHandling;
}): Type {
  @Controller()
  class EventBatchController {}
  const prototype = EventBatchController.prototype as object;
  for (const subject of options.subjects) {
    const name = `handle ${subject}`;
    Object.defineProperty(prototype, name, {
      value: (events: readonly ReceivedEvent[], context: JetStreamEventBatchContext) =>
        options.handle(events, context.getEntityManager()),
      writable: true,
      configurable: true,
    });
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name) as PropertyDescriptor;
    EventBatchPattern(subject)(prototype, name, descriptor);
    // As @Payload() and @Ctx() on the parameters: without them Nest passes the payload only.
    Payload()(prototype, name, 0);
    Ctx()(prototype, name, 1);
  }
  return EventBatchController;
}
