import type { INestMicroservice } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import { WorkQueueConfig } from '@polku/config';
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
import { finnishDateOf, startOfFinnishDay } from '@polku/timers';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { WORK_QUEUE_ENTITIES, WORK_QUEUE_MIGRATIONS } from '../../src/database/schema';
import { DigestService, type DigestPollResult } from '../../src/digest/digest.service';
import { finnishHourOf } from '../../src/digest/digest-schedule-rules';

/** work-queue in the test process, its digest driven by hand at chosen instants. */
export interface NotifyService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly ask: ServiceCommandClient['ask'];
  readonly askError: ServiceCommandClient['askError'];
  publish<S extends EventSubject>(subject: S, event: NewEvent<EventPayloads[S]>): Promise<string>;
  /** One digest round as the poller runs it, at `now`. */
  poll(now: Date): Promise<DigestPollResult>;
  close(): Promise<void>;
}

/** Starts the service with SMTP_URL at the receiver; the poller's own rounds never come. */
export async function startNotifyService(env: Record<string, string>): Promise<NotifyService> {
  const config = testServiceConfig(
    isolatedTestEnv({
      EVENT_RETRY_BASE_MS: '100',
      EVENT_RETRY_MAX_MS: '500',
      // An hour: the tests call poll() themselves, at the instants they choose.
      DIGEST_POLL_INTERVAL_MS: '3600000',
      WEB_BASE_URL: 'https://polku.test',
      ...env,
    }),
    WorkQueueConfig,
  ) as WorkQueueConfig;
  await provisionTestBus(config);
  const { app } = await createServiceApp({
    service: 'work-queue',
    appModule: AppModule,
    entities: WORK_QUEUE_ENTITIES,
    migrations: WORK_QUEUE_MIGRATIONS,
    configClass: WorkQueueConfig,
    config,
    logger: false,
  });
  await app.listen();
  const commands = await connectServiceCommandClient(config);
  return {
    app,
    dataSource: app.get(DataSource),
    ask: commands.ask,
    askError: commands.askError,
    publish: (subject, event) => publishEventAsOwner(config, subject, event),
    poll: (now) => app.get(DigestService).poll(now),
    async close() {
      await commands.close();
      await app.close();
    },
  };
}

/** A caseworker (or other roles) of an organisation, as the gateway verified them. */
export function workerOf(orgId: string, roles: Principal['roles'] = ['CASEWORKER']): Principal {
  return {
    userId: `worker-${randomUUID()}`,
    orgId,
    orgRole: 'PROVIDER',
    roles,
    issuer: 'https://issuer.test',
  };
}

/** The instant a Finnish wall clock shows `hour:minute` on `date`, daylight saving time included. */
export function finnishWallClock(date: string, hour: number, minute = 0): Date {
  let instant = startOfFinnishDay(date).getTime() + (hour * 60 + minute) * 60_000;
  // On a day whose clocks change, elapsed hours and wall hours differ by one.
  const shown = finnishHourOf(new Date(instant));
  instant += (hour - shown) * 3_600_000;
  return new Date(instant);
}

/** Today's Finnish date plus `days`. */
export function finnishDay(days: number): string {
  return finnishDateOf(new Date(Date.now() + days * 86_400_000));
}
