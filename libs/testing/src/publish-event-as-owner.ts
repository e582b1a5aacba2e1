import { jetstream } from '@nats-io/jetstream';
import { type NatsConnectionConfig, natsLinkOptionsFor } from '@polku/bus-permissions';
import {
  CONTEXT_OF_SERVICE,
  type EventPayloads,
  type EventSubject,
  SERVICE_NAMES,
  type ServiceName,
} from '@polku/contracts';
import { eventEnvelopeOf, NatsLink, namespacedSubject, type NewEvent } from '@polku/messaging';

/** The service whose context is the subject's second token (`polku.<context>.…`). */
export function ownerOfSubject(subject: string): ServiceName {
  const context = subject.split('.')[1];
  const owner = SERVICE_NAMES.find((service) => CONTEXT_OF_SERVICE[service] === context);
  if (!owner) {
    throw new Error(`no service owns the context of ${subject}`);
  }
  return owner;
}

/**
 * Publishes an event the way its owning service's relay does: the envelope the outbox writer
 * builds, on its subject, from the owner's own NATS user. A service under test may not publish
 * another service's events (docs/security.md), so tests feed it events this way.
 */
export async function publishEventAsOwner<S extends EventSubject>(
  config: NatsConnectionConfig & { readonly NATS_NAMESPACE: string },
  subject: S,
  event: NewEvent<EventPayloads[S]>,
): Promise<string> {
  const envelope = eventEnvelopeOf(subject, event);
  // The owner's key from the test key file, also when the system under test runs in
  // production mode with a seed of its own.
  const link = new NatsLink(
    natsLinkOptionsFor(
      { ...config, NODE_ENV: 'test', NATS_NKEY_SEED: '' },
      ownerOfSubject(subject),
      'polku-test-publisher',
    ),
  );
  try {
    await jetstream(await link.connect()).publish(
      namespacedSubject(config.NATS_NAMESPACE, subject),
      JSON.stringify(envelope),
      { msgID: envelope.id },
    );
  } finally {
    await link.close();
  }
  return envelope.id;
}
