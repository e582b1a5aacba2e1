import type { INestApplication } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { natsLinkOptionsFor } from '@polku/bus-permissions';
import { GatewayConfig } from '@polku/config';
import { eventContractFor, type EventPayloads, type EventSubject } from '@polku/contracts';
import { NatsLink, namespacedSubject, type NewEvent } from '@polku/messaging';
import { v7 as uuidv7 } from 'uuid';

/**
 * Publishes an intake event as client-intake does: its envelope on its subject, from
 * client-intake's own NATS user (the gateway's user may publish only the gateway's events).
 */
export async function publishAsIntake<S extends EventSubject>(
  app: INestApplication,
  subject: S,
  event: NewEvent<EventPayloads[S]>,
): Promise<void> {
  const contract = eventContractFor(subject);
  if (!contract) {
    throw new Error(`no contract for ${subject}`);
  }
  const id = uuidv7();
  const envelope = {
    id,
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    pathId: event.pathId,
    clientRef: event.clientRef,
    emitter: event.emitter,
    correlationId: event.correlationId ?? id,
    causationId: event.causationId ?? null,
    dataClass: contract.dataClass,
    ...(event.consentRef === undefined ? {} : { consentRef: event.consentRef }),
    ...(event.legalBasis === undefined ? {} : { legalBasis: event.legalBasis }),
    data: event.data,
  };
  const config = app.get(GatewayConfig);
  // client-intake's key from the test key file, also when the gateway runs in production mode
  // with a seed of its own.
  const link = new NatsLink(
    natsLinkOptionsFor(
      { ...config, NODE_ENV: 'test', NATS_NKEY_SEED: '' },
      'client-intake',
      'polku-test-intake',
    ),
  );
  try {
    await jetstream(await link.connect()).publish(
      namespacedSubject(config.NATS_NAMESPACE, subject),
      JSON.stringify(envelope),
      { msgID: id },
    );
  } finally {
    await link.close();
  }
}
