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

/** One event handed to a handler: the validated envelope and its delivery. */
export interface ReceivedEvent {
  readonly envelope: EventEnvelope;
  readonly delivery: EventDelivery;
}

/**
 * Handles one event inside the consumer's transaction: everything written through `em`
 * (effects, follow-up outbox rows) commits together with the inbox row, or not at all.
 */
export type EventHandlerFn = (event: ReceivedEvent, em: EntityManager) => Promise<void>;

/**
 * Handles several events in one call, inside the consumer's transaction, so a projection can
 * write them with one statement instead of one per event. It gets only events new to this
 * consumer, valid against their contract, in stream order. When it throws, the consumer rolls
 * the batch back and calls it again with one event at a time, so one bad event cannot hold
 * back the others (the same guarantees as EventHandlerFn, event by event).
 */
export type EventBatchHandlerFn = (
  events: readonly ReceivedEvent[],
  em: EntityManager,
) => Promise<void>;

/** What every subscription names. */
interface SubscriptionBase {
  /** The contract subject, without namespace, e.g. polku.intake.referral.client-referred.v1. */
  readonly subject: string;
}

/** A handler called once per event. */
export interface SingleEventSubscription extends SubscriptionBase {
  readonly handle: EventHandlerFn;
}

/** A handler called with the events that queued up together (see EventBatchHandlerFn). */
export interface BatchEventSubscription extends SubscriptionBase {
  readonly handleBatch: EventBatchHandlerFn;
}

/** What a service hands the consumer host: a subject and its handler, per event or per batch. */
export type EventSubscription = SingleEventSubscription | BatchEventSubscription;
