import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { encodePrincipal, type Principal } from '@polku/auth';
import { TransitionsConfig } from '@polku/config';
import type { EventPayloads, EventSubject } from '@polku/contracts';
import {
  NatsLink,
  NatsRequestRecord,
  NatsTransportClient,
  OutboxWriter,
  RemoteServiceError,
  REQUEST_HEADERS,
  type NewEvent,
  type RemoteErrorBody,
} from '@polku/messaging';
import { createServiceApp } from '@polku/service-runtime';
import { isolatedTestEnv, testServiceConfig } from '@polku/testing';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { TRANSITIONS_ENTITIES, TRANSITIONS_MIGRATIONS } from '../../src/database/schema';

/** transitions running in the test process on its own database and NATS namespace. */
export interface TransitionsService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly config: TransitionsConfig;
  /** Sends a command as the gateway does, with the principal header, and answers the reply. */
  ask<T>(subject: string, principal: Principal, data: unknown): Promise<T>;
  /** Sends a command that must fail and answers the service's error body. */
  askError(subject: string, principal: Principal, data: unknown): Promise<RemoteErrorBody>;
  /**
   * Publishes another service's event onto the stream as that service would: an outbox row in
   * a transaction, published by the relay, delivered to this service's durable consumer.
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
  const link = new NatsLink({ servers: config.NATS_URL, name: 'polku-test-gateway' });
  await link.connect();
  const client = new NatsTransportClient({
    link,
    namespace: config.NATS_NAMESPACE,
    defaultTimeoutMs: 10_000,
  });
  const dataSource = app.get(DataSource);
  const outbox = app.get(OutboxWriter);
  const ask = <T>(subject: string, principal: Principal, data: unknown) =>
    lastValueFrom(
      client.send<T>(
        subject,
        new NatsRequestRecord(data, {
          [REQUEST_HEADERS.principal]: encodePrincipal(principal),
          [REQUEST_HEADERS.requestId]: randomUUID(),
        }),
      ),
    );
  return {
    app,
    dataSource,
    config,
    ask,
    async askError(subject, principal, data) {
      try {
        const answer = await ask<unknown>(subject, principal, data);
        throw new Error(`expected ${subject} to fail, it answered ${JSON.stringify(answer)}`);
      } catch (error) {
        if (error instanceof RemoteServiceError) {
          return error.body;
        }
        throw error;
      }
    },
    async publish(subject, event) {
      await dataSource.transaction((em) => outbox.append(em, subject, event));
    },
    async close() {
      await link.close();
      await app.close();
    },
  };
}

/** An event this service wrote to its outbox, as the envelope it holds. */
export interface WrittenEvent<T> {
  readonly data: T;
  readonly emitter: { orgId: string; orgRole: string; actorRole: string; actorId: string };
  readonly consentRef?: string;
  readonly legalBasis?: string;
  readonly clientRef: string;
  readonly causationId?: string | null;
}

/** The outbox rows of one subject on a path, oldest first. */
export async function outboxEvents<T = Record<string, unknown>>(
  dataSource: DataSource,
  subject: string,
  pathId: string,
): Promise<WrittenEvent<T>[]> {
  const rows = await dataSource.query<{ payload: WrittenEvent<T> }[]>(
    `SELECT payload FROM outbox_message WHERE subject = $1 AND payload->>'pathId' = $2
      ORDER BY created_at, id`,
    [subject, pathId],
  );
  return rows.map((row) => row.payload);
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
