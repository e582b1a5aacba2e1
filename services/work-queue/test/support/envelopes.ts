import { jetstream } from '@nats-io/jetstream';
import { natsLinkOptionsFor } from '@polku/bus-permissions';
import type { ServiceConfig } from '@polku/config';
import type { EventEnvelope, EventSubject } from '@polku/contracts';
import { eventEnvelopeOf, NatsLink, namespacedSubject } from '@polku/messaging';
import { ownerOfSubject } from '@polku/testing';
import type { SubjectEvent } from './work-queue-service';

/** An event with its envelope built once, so that two services can be fed the same event. */
export interface SealedEvent {
  readonly subject: EventSubject;
  readonly envelope: EventEnvelope<unknown>;
}

/** The envelopes of the events, with their ids, as the owners' outbox writers build them. */
export function seal(events: readonly SubjectEvent[]): SealedEvent[] {
  return events.map(({ subject, event }) => ({
    subject,
    envelope: eventEnvelopeOf(subject, event as never),
  }));
}

/** Publishes sealed events in the given order, each from its owning service's NATS user. */
export async function publishSealed(
  config: ServiceConfig,
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

/** The events in an order drawn from `seed` (a small linear congruential generator). */
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
