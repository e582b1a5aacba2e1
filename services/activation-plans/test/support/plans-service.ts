import type { INestMicroservice } from '@nestjs/common';
import { ActivationPlansConfig } from '@polku/config';
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
import { ACTIVATION_PLANS_ENTITIES, ACTIVATION_PLANS_MIGRATIONS } from '../../src/database/schema';

/** activation-plans running in the test process on its own database and NATS namespace. */
export interface PlansService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly config: ActivationPlansConfig;
  /** Sends a command as the gateway does, with the principal header, and answers the reply. */
  readonly ask: ServiceCommandClient['ask'];
  /** Sends a command that must fail and answers the service's error body. */
  readonly askError: ServiceCommandClient['askError'];
  close(): Promise<void>;
}

export async function startPlansService(env: Record<string, string> = {}): Promise<PlansService> {
  const config = testServiceConfig(
    isolatedTestEnv({ TIMER_POLL_INTERVAL_MS: '100', ...env }),
    ActivationPlansConfig,
  ) as ActivationPlansConfig;
  // The provisioning step npm start runs before the services (docs/security.md).
  await provisionTestBus(config);
  const { app } = await createServiceApp({
    service: 'activation-plans',
    appModule: AppModule,
    entities: ACTIVATION_PLANS_ENTITIES,
    migrations: ACTIVATION_PLANS_MIGRATIONS,
    configClass: ActivationPlansConfig,
    config,
    logger: false,
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

/** The outbox rows of one subject on a path, oldest first (shared with the other services' tests). */
export { outboxEvents, type WrittenEvent } from '@polku/testing';
