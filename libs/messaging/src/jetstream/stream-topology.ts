import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { namespacedStreamName, namespacedSubject } from '../namespace';

/** All domain events, under `polku.>` (request/reply lives under `polku-rpc.`, outside it). */
export const EVENTS_STREAM = 'POLKU_EVENTS';
/** MAX_DELIVERIES advisories, kept as a safety net next to the dead-letter rows. */
export const MAX_DELIVERIES_STREAM = 'POLKU_MAX_DELIVERIES';

const NANOS_PER_MS = 1_000_000;

/** How provisionStreams creates the streams of a namespace. */
export interface StreamSettings {
  readonly namespace: string;
  /** 1 on one machine, 3 in a JetStream cluster. */
  readonly replicas: number;
  /** Republishing an event id within this window is dropped by the server. */
  readonly duplicateWindowMs: number;
}

/** The namespaced names of the streams (see streamNames). */
export interface StreamNames {
  readonly events: string;
  readonly maxDeliveries: string;
}

/** The stream names of a namespace: tests and benches run in their own. */
export function streamNames(namespace: string): StreamNames {
  return {
    events: namespacedStreamName(namespace, EVENTS_STREAM),
    maxDeliveries: namespacedStreamName(namespace, MAX_DELIVERIES_STREAM),
  };
}

/** A durable consumer name per (service, subject): `client-intake__polku_intake_referral_…`. */
export function durableName(service: string, subject: string): string {
  return `${service}__${subject.replace(/[.*>]/g, '_')}`;
}

async function addOrUpdateStream(
  jsm: JetStreamManager,
  config: Parameters<JetStreamManager['streams']['add']>[0] & { name: string },
): Promise<void> {
  try {
    await jsm.streams.info(config.name);
  } catch {
    try {
      await jsm.streams.add(config);
      return;
    } catch (error) {
      // Another replica created it between our info and add.
      if (!/already in use|already exists/i.test(String(error))) {
        throw error;
      }
    }
  }
  await jsm.streams.update(config.name, config);
}

/**
 * Creates or updates the streams; safe to run from every replica at every start.
 * Retention never evicts an event: no age, count or size limit, and a full disk refuses new
 * events (the outbox keeps them) rather than dropping old ones.
 */
export async function provisionStreams(
  nc: NatsConnection,
  settings: StreamSettings,
): Promise<StreamNames> {
  const jsm = await jetstreamManager(nc);
  const names = streamNames(settings.namespace);
  await addOrUpdateStream(jsm, {
    name: names.events,
    subjects: [namespacedSubject(settings.namespace, 'polku.>')],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.New,
    max_age: 0,
    max_msgs: -1,
    max_bytes: -1,
    num_replicas: settings.replicas,
    duplicate_window: settings.duplicateWindowMs * NANOS_PER_MS,
  });
  await addOrUpdateStream(jsm, {
    name: names.maxDeliveries,
    subjects: [`$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${names.events}.>`],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: 90 * 24 * 3600 * 1000 * NANOS_PER_MS,
    num_replicas: settings.replicas,
  });
  return names;
}

/** How provisionDurableConsumer creates or updates one durable pull consumer. */
export interface DurableConsumerSettings {
  readonly stream: string;
  readonly durable: string;
  /** The namespaced subject this consumer receives. */
  readonly filterSubject: string;
  /** The server gives up after this many deliveries; keep it above the handler's own limit. */
  readonly maxDeliver: number;
  readonly ackWaitMs: number;
  readonly maxAckPending: number;
}

/** Creates or updates a durable pull consumer with explicit acks; idempotent. */
export async function provisionDurableConsumer(
  nc: NatsConnection,
  settings: DurableConsumerSettings,
): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const config = {
    durable_name: settings.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: settings.filterSubject,
    max_deliver: settings.maxDeliver,
    ack_wait: settings.ackWaitMs * NANOS_PER_MS,
    max_ack_pending: settings.maxAckPending,
  };
  try {
    await jsm.consumers.info(settings.stream, settings.durable);
    await jsm.consumers.update(settings.stream, settings.durable, {
      filter_subject: config.filter_subject,
      max_deliver: config.max_deliver,
      ack_wait: config.ack_wait,
      max_ack_pending: config.max_ack_pending,
    });
  } catch {
    try {
      await jsm.consumers.add(settings.stream, config);
    } catch (error) {
      if (!/already in use|already exists/i.test(String(error))) {
        throw error;
      }
    }
  }
}
