import { EventPattern } from '@nestjs/microservices';

/** The @EventPattern extra that marks a handler as a batch handler (read by the transport). */
export const EVENT_BATCH_EXTRA = 'polkuEventBatch';

/**
 * Like @EventPattern, but the handler is called with every new event that queued up for it, as
 * `readonly ReceivedEvent[]` with a JetStreamEventBatchContext, instead of once per event. For
 * projections that can write many rows with one statement; see EventBatchHandlerFn for the
 * guarantees, which are the same as a per-event handler's.
 */
export function EventBatchPattern(subject: string): MethodDecorator {
  return EventPattern(subject, { [EVENT_BATCH_EXTRA]: true });
}
