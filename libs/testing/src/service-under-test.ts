import type { INestMicroservice } from '@nestjs/common';
import { type NatsConnectionConfig, natsLinkOptionsFor } from '@polku/bus-permissions';
import type { ServiceConfig } from '@polku/config';
import { randomUUID } from 'node:crypto';
import { NatsLink, NatsTransportClient, signedRequest } from '@polku/messaging';
import {
  type BootstrapServiceOptions,
  createServiceApp,
  type ServiceRuntime,
} from '@polku/service-runtime';
import { lastValueFrom } from 'rxjs';
import { developmentTokenSigner } from './internal-token';
import { provisionTestBus } from './test-bus';
import { isolatedTestEnv, testServiceConfig } from './test-run';

/** A NATS service running inside the test process, against real PostgreSQL and NATS. */
export interface ServiceUnderTest {
  readonly app: INestMicroservice;
  readonly runtime: ServiceRuntime;
  readonly config: ServiceConfig;
  /** Sends a request as the gateway's system caller (e.g. a health check) and returns the reply. */
  ask<T>(subject: string, data?: unknown, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * A caller on its own NATS connection in the given namespace, as the gateway's NATS user. It asks
 * as a system caller (`test:requester`) with the development key, as the gateway asks for health.
 */
export function createTestRequester(
  config: NatsConnectionConfig & Pick<ServiceConfig, 'NATS_NAMESPACE'>,
) {
  const signer = developmentTokenSigner();
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
      const caller = {
        kind: 'system',
        process: 'test:requester',
        requestId: randomUUID(),
      } as const;
      const request = await signedRequest(signer, caller, data, { timeoutMs });
      return lastValueFrom(client.send<T>(subject, request));
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
