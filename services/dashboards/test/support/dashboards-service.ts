import type { INestMicroservice } from '@nestjs/common';
import { ServiceConfig } from '@polku/config';
import { createServiceApp } from '@polku/service-runtime';
import {
  connectServiceCommandClient,
  isolatedTestEnv,
  provisionTestBus,
  testServiceConfig,
  waitFor,
  type ServiceCommandClient,
} from '@polku/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { DASHBOARDS_ENTITIES, DASHBOARDS_MIGRATIONS } from '../../src/database/schema';

/** dashboards running in the test process on its own database and NATS namespace. */
export interface DashboardsService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly config: ServiceConfig;
  /** Asks a request with the principal's internal token, as the gateway does. */
  readonly ask: ServiceCommandClient['ask'];
  /** Asks a request that must fail, and answers the service's error body. */
  readonly askError: ServiceCommandClient['askError'];
  close(): Promise<void>;
}

/** A fresh database and NATS namespace of the service, for one test file. */
export function dashboardsTestConfig(): ServiceConfig {
  return testServiceConfig(
    isolatedTestEnv({ EVENT_RETRY_BASE_MS: '100', EVENT_RETRY_MAX_MS: '500' }),
    ServiceConfig,
  );
}

/** Starts the service; pass the config of an earlier start to start it again on its data. */
export async function startDashboardsService(
  config: ServiceConfig = dashboardsTestConfig(),
): Promise<DashboardsService> {
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

/**
 * Waits until every one of the events is in the service's inbox and every one of `deadIds` is
 * a dead letter; fails on a dead letter of any other.
 */
export async function waitForConsumed(
  dataSource: DataSource,
  eventIds: readonly string[],
  deadIds: readonly string[] = [],
): Promise<void> {
  await waitFor(
    async () => {
      const dead = await dataSource.query<{ message_id: string; error: string }[]>(
        'SELECT message_id, error FROM dead_letter WHERE message_id = ANY($1)',
        [[...eventIds, ...deadIds]],
      );
      const unexpected = dead.find((row) => !deadIds.includes(row.message_id));
      if (unexpected !== undefined) {
        throw new Error(`dead letter: ${unexpected.error}`);
      }
      const [row] = await dataSource.query<{ n: number }[]>(
        'SELECT count(DISTINCT message_id)::int AS n FROM inbox_message WHERE message_id = ANY($1)',
        [[...eventIds]],
      );
      const allDead = new Set(dead.map((entry) => entry.message_id)).size === deadIds.length;
      return row.n === new Set(eventIds).size && allDead ? true : undefined;
    },
    { description: `${eventIds.length} events consumed`, timeoutMs: 30_000 },
  );
}
