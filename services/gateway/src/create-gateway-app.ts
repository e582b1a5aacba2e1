import { type DynamicModule, type LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GatewayConfig } from '@polku/config';
import { NatsLink } from '@polku/messaging';
import { ServiceRuntime, ServiceRuntimeModule } from '@polku/service-runtime';
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
  // Connect before serving, so the first /health already knows the state of NATS.
  void nats.connect();
  return app;
}
