import { randomUUID } from 'node:crypto';
import { type DynamicModule, type LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GatewayConfig } from '@polku/config';
import { natsLinkOptionsFor } from '@polku/bus-permissions';
import { NatsLink } from '@polku/messaging';
import { ServiceRuntime, ServiceRuntimeModule } from '@polku/service-runtime';
import { AuthModule } from './auth/auth.module';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './database/schema';
import { GatewayConfigModule } from './gateway-config.module';
import { HealthModule } from './health/health.module';
import { PathAccessModule } from './access/path-access.module';
import { ReadYourWritesModule } from './read-your-writes/read-your-writes.module';
import { IntakeApiModule } from './intake/intake-api.module';
import { LiveApiModule } from './live/live-api.module';
import { PlansApiModule } from './plans/plans-api.module';
import { MeetingsApiModule } from './meetings/meetings-api.module';
import { TransitionsApiModule } from './transitions/transitions-api.module';
import { TimelineApiModule } from './timeline/timeline-api.module';
import { WorkQueueApiModule } from './work-queue/work-queue-api.module';
import { DashboardsApiModule } from './dashboards/dashboards-api.module';
import { applyApiConventions } from './http/api-conventions';
import { ApiConventionsModule } from './http/api-conventions.module';
import { IdempotencyModule } from './http/idempotency/idempotency.module';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { HttpTracingInterceptor } from './tracing/http-tracing.interceptor';

@Module({})
class GatewayRootModule {}

/** The gateway's Nest application on Fastify, not yet listening. Tests use this directly. */
export async function createGatewayApp({
  config,
  logger,
  extraImports = [],
  preview = false,
}: {
  config: GatewayConfig;
  logger?: LoggerService | false;
  /** Tests add controllers of their own here. */
  extraImports?: DynamicModule['imports'];
  /**
   * Build the module graph without creating providers or connecting to PostgreSQL or NATS:
   * enough to generate the OpenAPI document. The application cannot serve requests.
   */
  preview?: boolean;
}): Promise<NestFastifyApplication> {
  // A preview never connects, so it needs no credentials (docs generation has none).
  const nats = new NatsLink(
    preview
      ? { servers: config.NATS_URL, name: 'polku-gateway-preview' }
      : natsLinkOptionsFor(config, 'gateway', 'polku-gateway'),
  );
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
      // First: the guards of later modules (rate limits, access) need the principal.
      await AuthModule.forRoot(config),
      ReadYourWritesModule,
      HealthModule,
      PathAccessModule,
      IntakeApiModule,
      PlansApiModule,
      TransitionsApiModule,
      MeetingsApiModule,
      TimelineApiModule,
      WorkQueueApiModule,
      DashboardsApiModule,
      LiveApiModule,
      IdempotencyModule,
      ...(extraImports ?? []),
      // After AuthModule: its guard runs first, so the rate limit knows the user.
      ApiConventionsModule,
    ],
  };
  // Every request gets an id the gateway makes, echoed in the response and carried to services,
  // so one id finds a request in every log and the audit. A caller's own X-Request-Id is never
  // taken as that id (docs/api.md); the audit keeps it apart as a correlation id.
  const adapter = new FastifyAdapter({
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: config.HTTP_BODY_LIMIT_BYTES,
  });
  // Nest's own body parsers are off: they would add urlencoded; the API reads JSON only.
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger,
    preview,
    bodyParser: false,
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalInterceptors(new HttpTracingInterceptor());
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      void reply.header('x-request-id', request.id);
    });
  await applyApiConventions(app);
  if (preview) {
    return app;
  }
  // Give NATS a moment so the first /health already knows its state, but never block the
  // gateway on it: while NATS is down, /health must still answer (and say so).
  await Promise.race([
    nats.connect(),
    new Promise((resolve) => setTimeout(resolve, 2_000).unref()),
  ]);
  return app;
}
