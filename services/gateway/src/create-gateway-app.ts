import { type DynamicModule, Logger, type LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GatewayConfig } from '@polku/config';
import { NatsLink } from '@polku/messaging';
import { EventBackbone, ServiceRuntime, ServiceRuntimeModule } from '@polku/service-runtime';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './database/schema';
import { GatewayConfigModule } from './gateway-config.module';
import { HealthModule } from './health/health.module';

@Module({})
class GatewayRootModule {}

/** The gateway's Nest application on Fastify, not yet listening. Tests use this directly. */
export async function createGatewayApp({
  config,
  logger,
}: {
  config: GatewayConfig;
  logger?: LoggerService | false;
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
    ],
  };
  const app = await NestFactory.create<NestFastifyApplication>(root, new FastifyAdapter(), {
    logger,
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
