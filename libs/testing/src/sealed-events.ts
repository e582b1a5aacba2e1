import { jetstream } from '@nats-io/jetstream';
import { type NatsConnectionConfig, natsLinkOptionsFor } from '@polku/bus-permissions';
import type { EventEnvelope, EventSubject } from '@polku/contracts';
import { NatsLink, namespacedSubject } from '@polku/messaging';
import { ownerOfSubject } from './publish-event-as-owner';

/**
 * An event with its envelope built once, so that it can be published again in another order,
 * or fed to two services as the same event (replay tests).
 */
export interface SealedEvent {
  readonly subject: EventSubject;
  readonly envelope: EventEnvelope<unknown>;
}

/**
 * Publishes sealed events in the given order, each from its owning service's NATS user (as
 * {@link publishEventAsOwner}), one connection per owner for the whole list.
 */
export async function publishSealed(
  config: NatsConnectionConfig & { readonly NATS_NAMESPACE: string },
  events: readonly SealedEvent[],
): Promise<void> {
  const links = new Map<string, NatsLink>();
  try {
    for (const { subject, envelope } of events) {
      const owner = ownerOfSubject(subject);
      let link = links.get(owner);
      if (link === undefined) {
        link = new NatsLink(
          natsLinkOptionsFor(
            { ...config, NODE_ENV: 'test', NATS_NKEY_SEED: '' },
            owner,
            'polku-test-publisher',
          ),
        );
        links.set(owner, link);
      }
      await jetstream(await link.connect()).publish(
        namespacedSubject(config.NATS_NAMESPACE, subject),
        JSON.stringify(envelope),
        { msgID: envelope.id },
      );
    }
  } finally {
    await Promise.all([...links.values()].map((link) => link.close()));
  }
}

/** The items in an order drawn from `seed` (a small linear congruential generator). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}
