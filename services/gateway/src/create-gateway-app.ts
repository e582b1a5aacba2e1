import { randomUUID } from 'node:crypto';
import { type DynamicModule, Logger, type LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GatewayConfig } from '@polku/config';
import { NatsLink } from '@polku/messaging';
import { EventBackbone, ServiceRuntime, ServiceRuntimeModule } from '@polku/service-runtime';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './database/schema';
import { GatewayConfigModule } from './gateway-config.module';
import { HealthModule } from './health/health.module';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { HttpTracingInterceptor } from './tracing/http-tracing.interceptor';

@Module({})
class GatewayRootModule {}

/** The gateway's Nest application on Fastify, not yet listening. Tests use this directly. */
export async function createGatewayApp({
  config,
  logger,
  extraImports = [],
}: {
  config: GatewayConfig;
  logger?: LoggerService | false;
  /** Tests add controllers of their own here. */
  extraImports?: DynamicModule['imports'];
}): Promise<NestFastifyApplication> {
  const nats = new NatsLink({ servers: config.NATS_URL, name: 'polku-gateway' });
  const runtime = new ServiceRuntime('gateway', config, nats);
  const root: DynamicModule = {
    module: GatewayRootModule,
    imports: [
      ServiceRuntimeModule.forService({
        runtime,
        entities: GATEWAY_ENTITIES,
        migrations: GATEWAY_MIGRATIONS,
        answersHealthRequests: false,
      }),
      GatewayConfigModule.forRoot(config),
      HealthModule,
      ...(extraImports ?? []),
    ],
  };
  // Every request gets an id (the caller's x-request-id if given), echoed in the response and
  // carried to services, so one id finds a request in every log.
  const adapter = new FastifyAdapter({
    genReqId: () => randomUUID(),
    requestIdHeader: 'x-request-id',
  });
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, { logger });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalInterceptors(new HttpTracingInterceptor());
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      void reply.header('x-request-id', request.id);
    });
  // Give NATS a moment so the first /health already knows its state, but never block the
  // gateway on it: while NATS is down, /health must still answer (and say so).
  await Promise.race([
    nats.connect(),
    new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
  ]);
  // Streams are provisioned when NATS is there; until then the relay retries with backoff.
  app
    .get(EventBackbone)
    .provision()
    .catch((error: unknown) =>
      new Logger('gateway').warn(`could not provision streams yet: ${String(error)}`),
    );
  return app;
}
