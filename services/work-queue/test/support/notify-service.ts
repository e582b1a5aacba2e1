import type { INestMicroservice } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import { WorkQueueConfig } from '@polku/config';
import type { EventPayloads, EventSubject } from '@polku/contracts';
import type { NewEvent } from '@polku/messaging';
import { publishEventAsOwner, type ServiceCommandClient } from '@polku/testing';
import { finnishDateOf, startOfFinnishDay } from '@polku/timers';
import { randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { DigestService, type DigestPollResult } from '../../src/digest/digest.service';
import { finnishHourOf } from '../../src/digest/digest-schedule-rules';
import {
  startWorkQueueService,
  workQueueTestConfig,
  type WorkQueueService,
} from './work-queue-service';

/** work-queue in the test process, its digest driven by hand at chosen instants. */
export interface NotifyService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly config: WorkQueueConfig;
  readonly ask: ServiceCommandClient['ask'];
  readonly askError: ServiceCommandClient['askError'];
  publish<S extends EventSubject>(subject: S, event: NewEvent<EventPayloads[S]>): Promise<string>;
  /** Publishes events as their owners would and waits until the service has consumed them. */
  deliver: WorkQueueService['deliver'];
  /** One digest round as the poller runs it, at `now`. */
  poll(now: Date): Promise<DigestPollResult>;
  close(): Promise<void>;
}

/** A fresh database and namespace, SMTP_URL at the receiver; the poller's own rounds never come. */
export function notifyTestConfig(env: Record<string, string>): WorkQueueConfig {
  return workQueueTestConfig({
    // An hour: the tests call poll() themselves, at the instants they choose.
    DIGEST_POLL_INTERVAL_MS: '3600000',
    WEB_BASE_URL: 'https://polku.test',
    ...env,
  });
}

/** Starts the service on `env` (a fresh database), or on the config of an earlier start. */
export async function startNotifyService(
  envOrConfig: Record<string, string> | WorkQueueConfig,
): Promise<NotifyService> {
  const service = await startWorkQueueService(
    envOrConfig instanceof WorkQueueConfig ? envOrConfig : notifyTestConfig(envOrConfig),
  );
  return {
    app: service.app,
    dataSource: service.dataSource,
    config: service.config,
    deliver: service.deliver,
    ask: service.ask,
    askError: service.askError,
    publish: (subject, event) => publishEventAsOwner(service.config, subject, event),
    poll: (now) => service.app.get(DigestService).poll(now),
    close: () => service.close(),
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
