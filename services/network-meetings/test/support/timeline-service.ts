import type { INestMicroservice } from '@nestjs/common';
import { NetworkMeetingsConfig } from '@polku/config';
import type { EventPayloads, EventSubject } from '@polku/contracts';
import type { NewEvent } from '@polku/messaging';
import { createServiceApp } from '@polku/service-runtime';
import {
  connectServiceCommandClient,
  isolatedTestEnv,
  provisionTestBus,
  publishEventAsOwner,
  testServiceConfig,
  type ServiceCommandClient,
} from '@polku/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { NETWORK_MEETINGS_ENTITIES, NETWORK_MEETINGS_MIGRATIONS } from '../../src/database/schema';

/** network-meetings running in the test process on its own database and NATS namespace. */
export interface TimelineService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly config: NetworkMeetingsConfig;
  readonly ask: ServiceCommandClient['ask'];
  readonly askError: ServiceCommandClient['askError'];
  /** Publishes an event as its owning service would; answers the envelope id. */
  publish<S extends EventSubject>(subject: S, event: NewEvent<EventPayloads[S]>): Promise<string>;
  close(): Promise<void>;
}

/** A fresh database and NATS namespace of the service, for one test file. */
export function timelineTestConfig(env: Record<string, string> = {}): NetworkMeetingsConfig {
  return testServiceConfig(
    isolatedTestEnv({ EVENT_RETRY_BASE_MS: '100', EVENT_RETRY_MAX_MS: '500', ...env }),
    NetworkMeetingsConfig,
  ) as NetworkMeetingsConfig;
}

/** Starts the service; pass the config of an earlier start to start it again on its data. */
export async function startTimelineService(
  config: NetworkMeetingsConfig = timelineTestConfig(),
): Promise<TimelineService> {
  // The provisioning step npm start runs before the services (docs/security.md).
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
    publish: (subject, event) => publishEventAsOwner(config, subject, event),
    async close() {
      await commands.close();
      await app.close();
    },
  };
}
