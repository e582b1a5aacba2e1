import type { INestMicroservice } from '@nestjs/common';
import { TransitionsConfig } from '@polku/config';
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
import { TRANSITIONS_ENTITIES, TRANSITIONS_MIGRATIONS } from '../../src/database/schema';

/** transitions running in the test process on its own database and NATS namespace. */
export interface TransitionsService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly config: TransitionsConfig;
  /** Sends a command as the gateway does, with the principal header, and answers the reply. */
  readonly ask: ServiceCommandClient['ask'];
  /** Sends a command that must fail and answers the service's error body. */
  readonly askError: ServiceCommandClient['askError'];
  /**
   * Publishes another service's event onto the stream as that service would, from its own NATS
   * user, delivered to this service's durable consumer.
   */
  publish<S extends EventSubject>(subject: S, event: NewEvent<EventPayloads[S]>): Promise<void>;
  close(): Promise<void>;
}

export async function startTransitionsService(
  env: Record<string, string> = {},
): Promise<TransitionsService> {
  const config = testServiceConfig(
    // Timers are polled every 100 ms and failed events retried within a second, so that
    // what a test makes due happens within its deadline.
    isolatedTestEnv({
      TIMER_POLL_INTERVAL_MS: '100',
      EVENT_RETRY_BASE_MS: '100',
      EVENT_RETRY_MAX_MS: '500',
      ...env,
    }),
    TransitionsConfig,
  ) as TransitionsConfig;
  // The provisioning step npm start runs before the services (docs/security.md).
  await provisionTestBus(config);
  const { app } = await createServiceApp({
    service: 'transitions',
    appModule: AppModule,
    entities: TRANSITIONS_ENTITIES,
    migrations: TRANSITIONS_MIGRATIONS,
    configClass: TransitionsConfig,
    config,
    logger: false,
  });
  await app.listen();
  const commands = await connectServiceCommandClient(config);
  const dataSource = app.get(DataSource);
  return {
    app,
    dataSource,
    config,
    ask: commands.ask,
    askError: commands.askError,
    async publish(subject, event) {
      // As the subject's owner publishes it: the service's own user may not (docs/security.md).
      await publishEventAsOwner(config, subject, event);
    },
    async close() {
      await commands.close();
      await app.close();
    },
  };
}

export interface TimerRow {
  readonly key: string;
  readonly kind: string;
  readonly status: string;
  readonly due_at: Date;
}

/** Every timer of a path, oldest first: each key names the path (path-timers.ts). */
export function timersOf(dataSource: DataSource, pathId: string): Promise<TimerRow[]> {
  return dataSource.query<TimerRow[]>(
    `SELECT key, kind, status, due_at FROM timer WHERE key LIKE $1 ORDER BY created_at, id`,
    [`%:${pathId}:%`],
  );
}

/** The clock jump: the live timer of `key` is due now, so the poller fires it next. */
export async function makeDue(dataSource: DataSource, key: string): Promise<void> {
  const [, updated] = await dataSource.query<[unknown[], number]>(
    `UPDATE timer SET due_at = now() - interval '1 second' WHERE key = $1 AND status = 'SCHEDULED'`,
    [key],
  );
  if (updated !== 1) {
    throw new Error(`no scheduled timer ${key}`);
  }
}

/** The outbox rows of one subject on a path, oldest first (shared with the other services' tests). */
export { outboxEvents, type WrittenEvent } from '@polku/testing';
