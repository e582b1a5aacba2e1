import type { INestMicroservice } from '@nestjs/common';
import { type NatsConnectionConfig, natsLinkOptionsFor } from '@polku/bus-permissions';
import type { ServiceConfig } from '@polku/config';
import { NatsLink, NatsRequestRecord, NatsTransportClient } from '@polku/messaging';
import {
  type BootstrapServiceOptions,
  createServiceApp,
  type ServiceRuntime,
} from '@polku/service-runtime';
import { lastValueFrom } from 'rxjs';
import { provisionTestBus } from './test-bus';
import { isolatedTestEnv, testServiceConfig } from './test-run';

/** A NATS service running inside the test process, against real PostgreSQL and NATS. */
export interface ServiceUnderTest {
  readonly app: INestMicroservice;
  readonly runtime: ServiceRuntime;
  readonly config: ServiceConfig;
  /** Sends a request the way the gateway does and returns the reply. */
  ask<T>(subject: string, data?: unknown, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** A caller on its own NATS connection in the given namespace, as the gateway's NATS user. */
export function createTestRequester(
  config: NatsConnectionConfig & Pick<ServiceConfig, 'NATS_NAMESPACE'>,
) {
  const link = new NatsLink(natsLinkOptionsFor(config, 'gateway', 'polku-test-requester'));
  const client = new NatsTransportClient({
    link,
    namespace: config.NATS_NAMESPACE,
    defaultTimeoutMs: 5_000,
  });
  return {
    link,
    client,
    async ask<T>(subject: string, data?: unknown, timeoutMs?: number): Promise<T> {
      await link.connect();
      return lastValueFrom(client.send<T>(subject, new NatsRequestRecord(data, { timeoutMs })));
    },
    close: () => link.close(),
  };
}

/** Starts a service as its main.ts would, on an isolated test database and NATS namespace. */
export async function startServiceUnderTest(
  options: BootstrapServiceOptions & { readonly config?: ServiceConfig },
): Promise<ServiceUnderTest> {
  const config = options.config ?? testServiceConfig(isolatedTestEnv(), options.configClass);
  await provisionTestBus(config, { services: [options.service] });
  const { app, runtime } = await createServiceApp({ ...options, config, logger: false });
  await app.listen();
  const requester = createTestRequester(config);
  return {
    app,
    runtime,
    config,
    ask: requester.ask,
    async close() {
      await requester.close();
      await app.close();
    },
  };
}
