import type { INestMicroservice } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import type { Principal } from '@polku/auth';
import { CONSUMED_EVENT_SUBJECTS, natsLinkOptionsFor } from '@polku/bus-permissions';
import { ServiceConfig } from '@polku/config';
import { namespacedSubject, NatsLink } from '@polku/messaging';
import { createServiceApp } from '@polku/service-runtime';
import {
  connectServiceCommandClient,
  isolatedTestEnv,
  ownerOfSubject,
  provisionTestBus,
  testServiceConfig,
  type ServiceCommandClient,
} from '@polku/testing';
import type { SyntheticEvent } from '@polku/testing/dashboards';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { DASHBOARDS_ENTITIES, DASHBOARDS_MIGRATIONS } from '../../src/database/schema';

/** The dashboards service running in the test process, on its own database and namespace. */
export interface DashboardsUnderTest {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly config: ServiceConfig;
  readonly ask: ServiceCommandClient['ask'];
  readonly askError: ServiceCommandClient['askError'];
  close(): Promise<void>;
}

/** A fresh database and NATS namespace for the service; `env` adds settings. */
export function dashboardsTestConfig(env: Record<string, string> = {}): ServiceConfig {
  return testServiceConfig(
    isolatedTestEnv({ EVENT_RETRY_BASE_MS: '100', EVENT_RETRY_MAX_MS: '500', ...env }),
  );
}

/** Starts the service as main.ts does; pass the config of an earlier start to reuse its data. */
export async function startDashboards(
  config: ServiceConfig = dashboardsTestConfig(),
): Promise<DashboardsUnderTest> {
  // The provisioning step npm start runs before the services (docs/security.md).
  await provisionTestBus(config);
  const { app } = await createServiceApp({
    service: 'dashboards',
    appModule: AppModule,
    entities: DASHBOARDS_ENTITIES,
    migrations: DASHBOARDS_MIGRATIONS,
    config,
    logger: process.env.DASHBOARDS_TEST_LOG === 'true' ? undefined : false,
  });
  await app.listen();
  const commands = await connectServiceCommandClient(config);
  return {
    app,
    dataSource: app.get(DataSource),
    config,
    ask: commands.ask,
    askError: commands.askError,
    async close() {
      await commands.close();
      await app.close();
    },
  };
}

/** The events the dashboards consume (the others would never reach the service). */
export function consumedBy(events: readonly SyntheticEvent[]): SyntheticEvent[] {
  const consumed = new Set<string>(CONSUMED_EVENT_SUBJECTS.dashboards);
  return events.filter((event) => consumed.has(event.subject));
}

/**
 * Publishes the events in the given order as their owning services' relays do: the envelope
 * on its subject from the owner's NATS user, Nats-Msg-Id the event id; up to `window`
 * publishes in flight.
 */
export async function publishEvents(
  config: ServiceConfig,
  events: readonly SyntheticEvent[],
  window = 200,
): Promise<void> {
  const links = new Map<string, NatsLink>();
  const streams = new Map<string, Promise<ReturnType<typeof jetstream>>>();
  const streamOf = (subject: string) => {
    const owner = ownerOfSubject(subject);
    let stream = streams.get(owner);
    if (stream === undefined) {
      const link = new NatsLink(
        natsLinkOptionsFor({ ...config, NODE_ENV: 'test' }, owner, 'polku-test-publisher'),
      );
      links.set(owner, link);
      stream = link.connect().then((nc) => jetstream(nc));
      streams.set(owner, stream);
    }
    return stream;
  };
  try {
    for (let start = 0; start < events.length; start += window) {
      await Promise.all(
        events
          .slice(start, start + window)
          .map(async ({ subject, envelope }) =>
            (await streamOf(subject)).publish(
              namespacedSubject(config.NATS_NAMESPACE, subject),
              JSON.stringify(envelope),
              { msgID: envelope.id },
            ),
          ),
      );
    }
  } finally {
    await Promise.all([...links.values()].map((link) => link.close()));
  }
}

/**
 * Waits until every one of the events is in the service's inbox (so its facts are written:
 * inbox rows and facts commit together); fails at once on a dead letter.
 */
export async function waitForProjected(
  dataSource: DataSource,
  events: readonly SyntheticEvent[],
  timeoutMs = 120_000,
): Promise<void> {
  const ids = consumedBy(events).map((event) => event.envelope.id);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = await dataSource.query<{ subject: string; error: string }[]>(
      'SELECT subject, error FROM dead_letter LIMIT 3',
    );
    if (dead.length > 0) {
      throw new Error(
        `dead letter: ${dead.map((row) => `${row.subject}: ${row.error}`).join('\n')}`,
      );
    }
    const [row] = await dataSource.query<{ n: number }[]>(
      'SELECT count(DISTINCT message_id)::int AS n FROM inbox_message WHERE message_id = ANY($1)',
      [ids],
    );
    if (row.n === ids.length) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out: ${row.n} of ${ids.length} events projected`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** A manager of the organisation, as the gateway would name them in the internal token. */
export function managerOf(orgId: string, userId: string, role: Principal['orgRole']): Principal {
  return { userId, orgId, orgRole: role, roles: ['MANAGER'], issuer: 'polku-test' };
}
