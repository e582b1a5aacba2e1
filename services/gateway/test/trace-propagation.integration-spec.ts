import { randomUUID } from 'node:crypto';
import { Body, Controller, Module, Post, Req } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import {
  CLIENT_REFERRED_V1,
  type ClientReferredPayload,
  type EventEnvelope,
} from '@polku/contracts';
import {
  JetStreamEventContext,
  MessagingTables1763900000000,
  OutboxWriter,
} from '@polku/messaging';
import { initTracing } from '@polku/observability';
import { TEST_TOOLS } from '@polku/bus-permissions';
import { createServiceApp } from '@polku/service-runtime';
import {
  isolatedTestEnv,
  newOutboxEvent,
  provisionTestBus,
  testGatewayConfig,
  testServiceConfig,
  waitFor,
} from '@polku/testing';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { createGatewayApp } from './support/test-gateway-app';
import { demoAuthHeader } from './support/demo-auth';
import { ServiceClientModule } from '../src/service-client/service-client.module';
import { commandMetadataOf, ServiceCommandBus } from '../src/service-client/service-command-bus';

const REFER_SUBJECT = 'polku-rpc.intake.trace-test-refer.v1';
const consumed = new Set<string>();

// Stands in for client-intake: a command that writes an event, and a consumer of that event.
@Controller()
class ReferralCommandFixture {
  constructor(
    private readonly outbox: OutboxWriter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @MessagePattern(REFER_SUBJECT)
  async refer(@Payload() body: { referralId: string }): Promise<{ accepted: true }> {
    await this.dataSource.transaction((em) =>
      this.outbox.append(
        em,
        CLIENT_REFERRED_V1.subject,
        newOutboxEvent(CLIENT_REFERRED_V1.subject, { data: { referralId: body.referralId } }),
      ),
    );
    return { accepted: true };
  }

  @EventPattern(CLIENT_REFERRED_V1.subject)
  onReferred(
    @Payload() envelope: EventEnvelope<ClientReferredPayload>,
    @Ctx() _context: JetStreamEventContext,
  ): void {
    consumed.add(envelope.data.referralId);
  }
}

@Module({ controllers: [ReferralCommandFixture] })
class ReferralFixtureModule {}

@Controller('trace-test')
class TraceTestController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post()
  refer(@Body() body: { referralId: string }, @Req() request: FastifyRequest): Promise<unknown> {
    return this.bus.send(REFER_SUBJECT, body, commandMetadataOf(request));
  }
}

@Module({ imports: [ServiceClientModule], controllers: [TraceTestController] })
class TraceTestModule {}

describe('trace propagation', () => {
  const exporter = new InMemorySpanExporter();
  initTracing({
    serviceName: 'trace-test',
    serviceVersion: 'test',
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });

  it('should put the HTTP request, the service handler, the relay publish and the consumer in one trace', async () => {
    const env = isolatedTestEnv({ OUTBOX_POLL_INTERVAL_MS: '50' });
    // The fixture's consumer is no real service's: provision it and run as the test tools' user.
    await provisionTestBus(testServiceConfig(env), {
      services: [],
      extraConsumers: [{ service: 'client-intake', subject: CLIENT_REFERRED_V1.subject }],
    });
    const { app: service } = await createServiceApp({
      busIdentity: TEST_TOOLS,
      service: 'client-intake',
      appModule: ReferralFixtureModule,
      entities: [],
      migrations: [MessagingTables1763900000000],
      config: testServiceConfig(env),
      logger: false,
    });
    await service.listen();
    const gateway: NestFastifyApplication = await createGatewayApp({
      config: testGatewayConfig(env),
      logger: false,
      extraImports: [TraceTestModule],
    });
    await gateway.init();
    try {
      const referralId = randomUUID();
      const response = await gateway
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'POST',
          url: '/api/v1/trace-test',
          payload: { referralId },
          headers: await demoAuthHeader(gateway),
        });
      expect(response.statusCode).toBe(201);
      await waitFor(() => consumed.has(referralId), { description: 'the event to be consumed' });

      const find = (name: string) =>
        waitFor(() => exporter.getFinishedSpans().find((span) => span.name === name), {
          description: `span ${name}`,
        });
      const http: ReadableSpan = await find('POST /api/v1/trace-test');
      const handler = await find(`${REFER_SUBJECT} handle`);
      const publish = await find(`${CLIENT_REFERRED_V1.subject} publish`);
      const consume = await find(`${CLIENT_REFERRED_V1.subject} process`);

      const traceId = http.spanContext().traceId;
      expect([handler, publish, consume].map((span) => span.spanContext().traceId)).toEqual([
        traceId,
        traceId,
        traceId,
      ]);
      expect(handler.parentSpanContext?.spanId).toBe(http.spanContext().spanId);
      expect(publish.parentSpanContext?.spanId).toBe(handler.spanContext().spanId);
      expect(consume.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
      expect(consume.links.map((link) => link.context.spanId)).toEqual([
        publish.spanContext().spanId,
      ]);
    } finally {
      await gateway.close();
      await service.close();
    }
  });
});
