import type { INestMicroservice } from '@nestjs/common';
import { NetworkMeetingsConfig } from '@polku/config';
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
import { NETWORK_MEETINGS_ENTITIES, NETWORK_MEETINGS_MIGRATIONS } from '../../src/database/schema';

/** network-meetings running in the test process on its own database and NATS namespace. */
export interface MeetingsService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly config: NetworkMeetingsConfig;
  /** Sends a command as the gateway does, with the principal header, and answers the reply. */
  readonly ask: ServiceCommandClient['ask'];
  /** Sends a command that must fail and answers the service's error body. */
  readonly askError: ServiceCommandClient['askError'];
  close(): Promise<void>;
}

export async function startMeetingsService(
  env: Record<string, string> = {},
): Promise<MeetingsService> {
  const config = testServiceConfig(
    // A long poll interval: the tests drive the escalation timers with fireDue() themselves.
    isolatedTestEnv({ TIMER_POLL_INTERVAL_MS: '60000', ...env }),
    NetworkMeetingsConfig,
  ) as NetworkMeetingsConfig;
  await provisionTestBus(config);
  const { app } = await createServiceApp({
    service: 'network-meetings',
    appModule: AppModule,
    entities: NETWORK_MEETINGS_ENTITIES,
    migrations: NETWORK_MEETINGS_MIGRATIONS,
    configClass: NetworkMeetingsConfig,
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

/** The outbox rows of one subject on a path, oldest first. */
export { outboxEvents, type WrittenEvent } from '@polku/testing';
