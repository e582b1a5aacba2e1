import type { EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Handles one event inside the consumer's transaction: everything written through `em`
 * (effects, follow-up outbox rows) commits together with the inbox row, or not at all.
 */
export type EventHandlerFn = (envelope: EventEnvelope, em: EntityManager) => Promise<void>;

export interface EventSubscription {
  /** The contract subject, without namespace, e.g. polku.intake.referral.client-referred.v1. */
  readonly subject: string;
  readonly handle: EventHandlerFn;
}
