import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from './event-handler';

type JetStreamEventBatchContextArgs = [
  events: readonly ReceivedEvent[],
  entityManager: EntityManager,
];

/** What an @EventBatchPattern handler gets besides the events: the consumer's transaction. */
export class JetStreamEventBatchContext extends BaseRpcContext<JetStreamEventBatchContextArgs> {
  /** The events with their deliveries, in stream order (the payload is the same list). */
  getEvents(): readonly ReceivedEvent[] {
    return this.args[0];
  }

  /** Write effects and follow-up outbox rows through this; they commit with the inbox rows. */
  getEntityManager(): EntityManager {
    return this.args[1];
  }
}
