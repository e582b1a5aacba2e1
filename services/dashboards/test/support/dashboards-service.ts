import type { INestMicroservice } from '@nestjs/common';
import type { ServiceConfig } from '@polku/config';
import { createServiceApp } from '@polku/service-runtime';
import {
  connectServiceCommandClient,
  isolatedTestEnv,
  provisionTestBus,
  testServiceConfig,
  type ServiceCommandClient,
} from '@polku/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { DASHBOARDS_ENTITIES, DASHBOARDS_MIGRATIONS } from '../../src/database/schema';

/** dashboards running in the test process on its own database and NATS namespace. */
export interface DashboardsService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly ask: ServiceCommandClient['ask'];
  readonly askError: ServiceCommandClient['askError'];
  close(): Promise<void>;
}

/** Starts the service as main.ts would, with a command client that asks as the gateway does. */
export async function startDashboardsService(): Promise<DashboardsService> {
  const config: ServiceConfig = testServiceConfig(isolatedTestEnv());
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
    ask: commands.ask,
    askError: commands.askError,
    async close() {
      await commands.close();
      await app.close();
    },
  };
}
