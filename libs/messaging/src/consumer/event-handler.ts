import type { EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';

/** How the event reached this consumer, from JetStream's delivery metadata. */
export interface EventDelivery {
  /** The event's position in the stream. */
  readonly streamSequence: number;
  /** 1 on the first delivery to this consumer, more on redeliveries. */
  readonly deliveryCount: number;
  /** When the stream stored the event (the server's clock). */
  readonly storedAt: Date;
}

/**
 * Handles one event inside the consumer's transaction: everything written through `em`
 * (effects, follow-up outbox rows) commits together with the inbox row, or not at all.
 */
export type EventHandlerFn = (
  envelope: EventEnvelope,
  em: EntityManager,
  delivery: EventDelivery,
) => Promise<void>;

export interface EventSubscription {
  /** The contract subject, without namespace, e.g. polku.intake.referral.client-referred.v1. */
  readonly subject: string;
  readonly handle: EventHandlerFn;
}
