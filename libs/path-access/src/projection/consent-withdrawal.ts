import type { EntityManager } from 'typeorm';
import { upsertConsentWithdrawals } from './source-rows';

/** A withdrawal as its authority (client-intake) answered it. */
export interface ConsentWithdrawalFact {
  readonly pathId: string;
  /** The consent that is withdrawn (ConsentWithdrawn's `withdrawnConsentId`). */
  readonly consentId: string;
  /** When it took effect; the consent covers nothing from then on. */
  readonly withdrawnAt: Date;
}

/**
 * Applies a withdrawal to the access projection without waiting for its event: the gateway calls
 * it when client-intake has answered the withdrawal, before the caller gets the 2xx, so the
 * withdrawal holds at once even while the outbox relay or NATS is down (ADR 0014). The same
 * row the ConsentWithdrawn event writes later; the earliest instant is kept, so either order
 * gives one result.
 */
export async function recordConsentWithdrawal(
  em: EntityManager,
  fact: ConsentWithdrawalFact,
): Promise<void> {
  await upsertConsentWithdrawals(em, [
    {
      consentId: fact.consentId,
      pathId: fact.pathId,
      withdrawnAt: fact.withdrawnAt.toISOString(),
    },
  ]);
}
