import { BaseRpcContext } from '@nestjs/microservices';
import type { EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';
import type { EventDelivery } from './event-handler';

type JetStreamEventContextArgs = [
  envelope: EventEnvelope,
  entityManager: EntityManager,
  delivery: EventDelivery,
];

/** What an @EventPattern handler gets besides the envelope: the consumer's transaction. */
export class JetStreamEventContext extends BaseRpcContext<JetStreamEventContextArgs> {
  /** The validated envelope (the same object the handler gets as its payload). */
  getEnvelope(): EventEnvelope {
    return this.args[0];
  }

  /** Write effects and follow-up outbox rows through this; they commit with the inbox row. */
  getEntityManager(): EntityManager {
    return this.args[1];
  }

  /** Stream sequence, delivery count and store time of this delivery (for logs and diagnostics). */
  getDelivery(): EventDelivery {
    return this.args[2];
  }
}
