import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { encodePrincipal, type Principal } from '@polku/auth';
import { ActivationPlansConfig } from '@polku/config';
import {
  NatsLink,
  NatsRequestRecord,
  NatsTransportClient,
  RemoteServiceError,
  REQUEST_HEADERS,
  type RemoteErrorBody,
} from '@polku/messaging';
import { createServiceApp } from '@polku/service-runtime';
import { isolatedTestEnv, testServiceConfig } from '@polku/testing';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { ACTIVATION_PLANS_ENTITIES, ACTIVATION_PLANS_MIGRATIONS } from '../../src/database/schema';

/** activation-plans running in the test process on its own database and NATS namespace. */
export interface PlansService {
  readonly app: INestMicroservice;
  readonly dataSource: DataSource;
  readonly config: ActivationPlansConfig;
  /** Sends a command as the gateway does, with the principal header, and answers the reply. */
  ask<T>(subject: string, principal: Principal, data: unknown): Promise<T>;
  /** Sends a command that must fail and answers the service's error body. */
  askError(subject: string, principal: Principal, data: unknown): Promise<RemoteErrorBody>;
  close(): Promise<void>;
}

export async function startPlansService(env: Record<string, string> = {}): Promise<PlansService> {
  const config = testServiceConfig(
    isolatedTestEnv({ TIMER_POLL_INTERVAL_MS: '100', ...env }),
    ActivationPlansConfig,
  ) as ActivationPlansConfig;
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
  const link = new NatsLink({ servers: config.NATS_URL, name: 'polku-test-gateway' });
  await link.connect();
  const client = new NatsTransportClient({
    link,
    namespace: config.NATS_NAMESPACE,
    defaultTimeoutMs: 10_000,
  });
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
    dataSource: app.get(DataSource),
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
    async close() {
      await link.close();
      await app.close();
    },
  };
}

/** The outbox rows of one subject on a path, oldest first, as the envelopes they hold. */
export async function outboxEvents<T = Record<string, unknown>>(
  dataSource: DataSource,
  subject: string,
  pathId: string,
): Promise<
  {
    data: T;
    emitter: { orgId: string; orgRole: string; actorRole: string; actorId: string };
    consentRef?: string;
    legalBasis?: string;
    clientRef: string;
  }[]
> {
  const rows = await dataSource.query<{ payload: never }[]>(
    `SELECT payload FROM outbox_message WHERE subject = $1 AND payload->>'pathId' = $2
      ORDER BY created_at, id`,
    [subject, pathId],
  );
  return rows.map((row) => row.payload);
}
