import { SERVICE_NAMES, type ServiceName } from '@polku/contracts';
import type { ServiceConfig } from '@polku/config';
import {
  durableName,
  NatsLink,
  namespacedSubject,
  provisionDurableConsumer,
  provisionStreams,
  type StreamNames,
} from '@polku/messaging';
import { PROVISIONER } from './identities';
import { CONSUMED_EVENT_SUBJECTS } from './consumed-subjects';
import { type NatsConnectionConfig, natsLinkOptionsFor } from './connection-options';

/** The settings of the streams and consumers, as the services' configuration gives them. */
export type ProvisioningConfig = NatsConnectionConfig &
  Pick<
    ServiceConfig,
    | 'NATS_NAMESPACE'
    | 'NATS_STREAM_REPLICAS'
    | 'NATS_DUPLICATE_WINDOW_S'
    | 'EVENT_MAX_ATTEMPTS'
    | 'EVENT_ACK_WAIT_MS'
    | 'EVENT_BATCH_SIZE'
  >;

/** One durable consumer: the service it belongs to and the subject it reads. */
export interface ConsumerOf {
  readonly service: string;
  readonly subject: string;
}

/** What provisionBus creates besides the streams. */
export interface ProvisionBusOptions {
  /** Services whose durables to create (default: all, from CONSUMED_EVENT_SUBJECTS). */
  readonly services?: readonly ServiceName[];
  /** Further durables, for test handlers that no service declares. */
  readonly extraConsumers?: readonly ConsumerOf[];
}

/** Every durable consumer of the given services, from the permission matrix's declarations. */
export function consumersOf(services: readonly ServiceName[]): ConsumerOf[] {
  return services.flatMap((service) =>
    CONSUMED_EVENT_SUBJECTS[service].map((subject) => ({ service, subject })),
  );
}

/**
 * The provisioning step, as the provisioner identity: creates or updates the streams and every
 * durable consumer, before the services start (npm start, the test harness, a deployment job).
 * Idempotent. Services themselves may only bind to what exists.
 */
export async function provisionBus(
  config: ProvisioningConfig,
  options: ProvisionBusOptions = {},
): Promise<StreamNames> {
  const link = new NatsLink(natsLinkOptionsFor(config, PROVISIONER, 'polku-provisioner'));
  try {
    const nc = await link.connect();
    const streams = await provisionStreams(nc, {
      namespace: config.NATS_NAMESPACE,
      replicas: config.NATS_STREAM_REPLICAS,
      duplicateWindowMs: config.NATS_DUPLICATE_WINDOW_S * 1000,
    });
    const consumers = [
      ...consumersOf(options.services ?? SERVICE_NAMES),
      ...(options.extraConsumers ?? []),
    ];
    for (const { service, subject } of consumers) {
      await provisionDurableConsumer(nc, {
        stream: streams.events,
        durable: durableName(service, subject),
        filterSubject: namespacedSubject(config.NATS_NAMESPACE, subject),
        // The server's own limit is a safety net above the service's, which writes the dead letter.
        maxDeliver: config.EVENT_MAX_ATTEMPTS + 3,
        ackWaitMs: config.EVENT_ACK_WAIT_MS,
        maxAckPending: config.EVENT_BATCH_SIZE * 10,
      });
    }
    return streams;
  } finally {
    await link.close();
  }
}
