import type { INestMicroservice } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import type { ServiceConfig } from '@polku/config';
import type { EventPayloads, EventSubject } from '@polku/contracts';
import type { NewEvent } from '@polku/messaging';
import { createServiceApp } from '@polku/service-runtime';
import {
  connectServiceCommandClient,
  isolatedTestEnv,
  provisionTestBus,
  publishEventAsOwner,
  testServiceConfig,
  waitFor,
  type ServiceCommandClient,
} from '@polku/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { WORK_QUEUE_ENTITIES, WORK_QUEUE_MIGRATIONS } from '../../src/database/schema';

/** One event to publish on its subject, as its owning service would. */
export interface SubjectEvent {
  readonly subject: EventSubject;
  readonly event: NewEvent<unknown>;
}

/** work-queue running in the test process on its own database and NATS namespace. */
export interface WorkQueueService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly config: ServiceConfig;
  readonly ask: ServiceCommandClient['ask'];
  readonly askError: ServiceCommandClient['askError'];
  /** Publishes events as their owners would and waits until the service has consumed them. */
  deliver(events: readonly SubjectEvent[]): Promise<void>;
  close(): Promise<void>;
}

/** A fresh database and NATS namespace of the service, for one test file. */
export function workQueueTestConfig(): ServiceConfig {
  return testServiceConfig(
    isolatedTestEnv({ EVENT_RETRY_BASE_MS: '100', EVENT_RETRY_MAX_MS: '500' }),
  );
}

/** Publishes an event; answers its envelope id. */
export function publish(config: ServiceConfig, { subject, event }: SubjectEvent): Promise<string> {
  return publishEventAsOwner(config, subject, event as NewEvent<EventPayloads[typeof subject]>);
}

/** Waits until every one of the events is in the service's inbox; fails on a dead letter. */
export async function waitForConsumed(
  dataSource: DataSource,
  eventIds: readonly string[],
): Promise<void> {
  await waitFor(
    async () => {
      const [dead] = await dataSource.query<{ error: string }[]>(
        'SELECT error FROM dead_letter WHERE message_id = ANY($1) LIMIT 1',
        [[...eventIds]],
      );
      if (dead !== undefined) {
        throw new Error(`dead letter: ${dead.error}`);
      }
      const [row] = await dataSource.query<{ n: number }[]>(
        'SELECT count(DISTINCT message_id)::int AS n FROM inbox_message WHERE message_id = ANY($1)',
        [[...eventIds]],
      );
      return row.n === new Set(eventIds).size ? true : undefined;
    },
    { description: `${eventIds.length} events consumed`, timeoutMs: 30_000 },
  );
}

/** Starts the service; pass the config of an earlier start to start it again on its data. */
export async function startWorkQueueService(
  config: ServiceConfig = workQueueTestConfig(),
): Promise<WorkQueueService> {
  // The provisioning step npm start runs before the services (docs/security.md).
  await provisionTestBus(config);
  const { app } = await createServiceApp({
    service: 'work-queue',
    appModule: AppModule,
    entities: WORK_QUEUE_ENTITIES,
    migrations: WORK_QUEUE_MIGRATIONS,
    config,
    logger: process.env.WORK_QUEUE_TEST_LOG === 'true' ? undefined : false,
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
    async deliver(events) {
      const ids: string[] = [];
      for (const event of events) {
        ids.push(await publish(config, event));
      }
      await waitForConsumed(dataSource, ids);
    },
    async close() {
      await commands.close();
      await app.close();
    },
  };
}

/** Every page of a queue or caseload, following nextCursor to the end. */
export async function readAll<T>(
  service: Pick<WorkQueueService, 'ask'>,
  subject: string,
  principal: Principal,
  query: Record<string, unknown>,
  limit = 100,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null | undefined;
  let pages = 0;
  do {
    const page = await service.ask<{ items: T[]; nextCursor: string | null }>(subject, principal, {
      ...query,
      limit,
      ...(cursor ? { cursor } : {}),
    });
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { items, pages };
}
