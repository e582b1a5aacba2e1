import { Module, type INestMicroservice, type Type } from '@nestjs/common';
import { jetstreamManager } from '@nats-io/jetstream';
import { CLIENT_REFERRED_V1, type ClientReferredPayload } from '@polku/contracts';
import { loadConfig, ServiceConfig } from '@polku/config';
import { natsLinkOptionsFor, OPERATOR, TEST_TOOLS } from '@polku/bus-permissions';
import { NatsLink, OutboxWriter, streamNames, type NewEvent } from '@polku/messaging';
import { createServiceApp, EventBackbone } from '@polku/service-runtime';
import {
  isolatedTestEnv,
  newOutboxEvent,
  provisionTestBus,
  testToolsLink,
  waitFor,
} from '@polku/testing';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { FIXTURE_MIGRATIONS, ReferralProjectionModule } from './referral-projection.fixture';

/** Settings that make retries and polling fast enough for tests. */
export const FAST_BACKBONE_ENV = {
  EVENT_MAX_ATTEMPTS: '5',
  EVENT_RETRY_BASE_MS: '50',
  EVENT_RETRY_MAX_MS: '200',
  EVENT_ACK_WAIT_MS: '5000',
  OUTBOX_POLL_INTERVAL_MS: '50',
};

/** The durable of the fixture's ClientReferred handlers (single and batch). */
export const FIXTURE_CONSUMER = { service: 'client-intake', subject: CLIENT_REFERRED_V1.subject };

/** A NATS connection for a test's own tools (republish, forged producers, stream reads). */
export function testToolsLinkFor(env: Record<string, string>, name: string) {
  return testToolsLink(loadConfig(ServiceConfig, env), name);
}

/** A NATS connection as the operator commands' user (redrive, rebuild-projection). */
export function operatorLinkFor(env: Record<string, string>, name: string): NatsLink {
  return new NatsLink(natsLinkOptionsFor(loadConfig(ServiceConfig, env), OPERATOR, name));
}

/** The same service without its event handler: it writes and relays, nobody consumes yet. */
@Module({})
export class ProducerOnlyModule {}

/** One replica of a service that produces and consumes ClientReferred, in this process. */
export interface BackboneReplica {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly writer: OutboxWriter;
  readonly backbone: EventBackbone;
  close(): Promise<void>;
}

export async function startReplica(
  env: Record<string, string>,
  appModule: Type<unknown> = ReferralProjectionModule,
): Promise<BackboneReplica> {
  const config = loadConfig(ServiceConfig, env);
  // The fixture's consumer is no real service's: provision it, and run as the test tools' user.
  await provisionTestBus(config, { services: [], extraConsumers: [FIXTURE_CONSUMER] });
  const { app } = await createServiceApp({
    busIdentity: TEST_TOOLS,
    service: 'client-intake',
    appModule,
    entities: [],
    migrations: FIXTURE_MIGRATIONS,
    config,
    logger: false,
  });
  await app.listen();
  return {
    app,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    writer: app.get(OutboxWriter),
    backbone: app.get(EventBackbone),
    close: () => app.close(),
  };
}

export function backboneTestEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return isolatedTestEnv({ ...FAST_BACKBONE_ENV, ...overrides });
}

/** A valid ClientReferred event; override what the test is about. */
export const clientReferred = (): NewEvent<ClientReferredPayload> =>
  newOutboxEvent(CLIENT_REFERRED_V1.subject);

/** Writes events in one business transaction, as a command handler would. */
export async function commitEvents(
  replica: BackboneReplica,
  events: NewEvent<ClientReferredPayload>[],
): Promise<string[]> {
  return replica.dataSource.transaction(async (em) => {
    const ids: string[] = [];
    for (const event of events) {
      ids.push((await replica.writer.append(em, CLIENT_REFERRED_V1.subject, event)).id);
    }
    return ids;
  });
}

export async function projectionRows(
  dataSource: DataSource,
  referralId?: string,
): Promise<{ event_id: string; referral_id: string; to_org_id: string }[]> {
  return dataSource.query(
    `SELECT event_id, referral_id, to_org_id FROM test_referral_projection
      WHERE $1::uuid IS NULL OR referral_id = $1 ORDER BY event_id`,
    [referralId ?? null],
  );
}

/** Waits until the projection holds at least `count` rows, and returns them. */
export function waitForRows(replica: BackboneReplica, count: number) {
  return waitFor(
    async () => {
      const rows = await projectionRows(replica.dataSource);
      return rows.length >= count ? rows : undefined;
    },
    { timeoutMs: 30_000, description: `${count} projection rows` },
  );
}

/** How many messages the namespace's event stream holds. */
export async function eventsInStream(env: Record<string, string>): Promise<number> {
  const link = testToolsLink(loadConfig(ServiceConfig, env), 'polku-test-stream-reader');
  try {
    const jsm = await jetstreamManager(await link.connect());
    return (await jsm.streams.info(streamNames(env.NATS_NAMESPACE).events)).state.messages;
  } finally {
    await link.close();
  }
}
