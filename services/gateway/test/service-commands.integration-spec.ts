import { Controller, Get, Module, Req } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InternalTokenVerifier } from '@polku/auth';
import {
  DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS,
  parseInternalTokenVerifyKeys,
} from '@polku/config';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { NatsLink, namespacedSubject, REQUEST_HEADERS } from '@polku/messaging';
import { isolatedTestEnv, testGatewayConfig, testToolsLink } from '@polku/testing';
import type { FastifyRequest } from 'fastify';
import { createGatewayApp } from './support/test-gateway-app';
import { ServiceClientModule } from '../src/service-client/service-client.module';
import { commandMetadataOf, ServiceCommandBus } from '../src/service-client/service-command-bus';
import { DEV_ISSUER } from '../src/auth/dev-issuer';
import { demoAuthHeader } from './support/demo-auth';

// Subjects in a real service's context: the gateway's NATS user may send requests only there.
const SILENT_SUBJECT = 'polku-rpc.meetings.test-never-answers.v1';
const NOBODY_SUBJECT = 'polku-rpc.meetings.test-nobody-listens.v1';
const ECHO_SUBJECT = 'polku-rpc.meetings.test-echo-headers.v1';

// A stand-in for the real resource controllers: it forwards to a service like they will.
@Controller('test-commands')
class TestCommandController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get(':which')
  send(@Req() request: FastifyRequest & { params: { which: string } }): Promise<unknown> {
    const subject = { silent: SILENT_SUBJECT, nobody: NOBODY_SUBJECT, echo: ECHO_SUBJECT }[
      request.params.which
    ];
    return this.bus.send(subject ?? NOBODY_SUBJECT, { ping: true }, commandMetadataOf(request));
  }
}

@Module({ imports: [ServiceClientModule], controllers: [TestCommandController] })
class TestCommandModule {}

describe('gateway commands to services', () => {
  let env: Record<string, string>;
  let gateway: NestFastifyApplication;
  let responder: NatsLink;

  beforeAll(async () => {
    env = isolatedTestEnv({ NATS_REQUEST_TIMEOUT_MS: '300' });
    gateway = await createGatewayApp({
      config: testGatewayConfig(env),
      logger: false,
      extraImports: [TestCommandModule],
    });
    await gateway.init();
    await gateway.getHttpAdapter().getInstance().ready();
    responder = testToolsLink(testGatewayConfig(env), 'polku-test-responder');
    const nc = await responder.connect();
    nc.subscribe(namespacedSubject(env.NATS_NAMESPACE, SILENT_SUBJECT), {
      callback: () => undefined,
    });
    nc.subscribe(namespacedSubject(env.NATS_NAMESPACE, ECHO_SUBJECT), {
      callback: (_error, msg) => {
        msg.respond(
          JSON.stringify({
            response: {
              requestId: msg.headers?.get(REQUEST_HEADERS.requestId),
              token: msg.headers?.get(REQUEST_HEADERS.internalToken),
            },
          }),
        );
      },
    });
    await nc.flush();
  });

  afterAll(async () => {
    await responder.close();
    await gateway.close();
  });

  const get = async (path: string, headers: Record<string, string> = {}) =>
    gateway
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: path,
        headers: { ...(await demoAuthHeader(gateway)), ...headers },
      });

  it('should answer 503 problem+json within the timeout when the service does not answer', async () => {
    const started = Date.now();
    const response = await get('/api/v1/test-commands/silent');

    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({
      type: 'urn:polku:problem:service-timeout',
      status: 503,
    });
  });

  it('should answer 503 problem+json at once when no instance of the service listens', async () => {
    const response = await get('/api/v1/test-commands/nobody');

    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      type: 'urn:polku:problem:service-unavailable',
      status: 503,
    });
  });

  it('should carry the gateway’s own request id and the principal, signed in an internal token, to the service and echo the request id', async () => {
    const response = await get('/api/v1/test-commands/echo', { 'x-request-id': 'req-abc-123' });

    expect(response.statusCode).toBe(200);
    const echoed = response.json<{ requestId: string; token: string }>();
    // The caller's X-Request-Id is never the request id (docs/api.md): the gateway makes it.
    expect(echoed.requestId).not.toBe('req-abc-123');
    expect(echoed.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-request-id']).toBe(echoed.requestId);
    // The verified principal of the demo token, as services will verify it.
    const verifier = new InternalTokenVerifier(
      parseInternalTokenVerifyKeys(DEVELOPMENT_INTERNAL_TOKEN_VERIFY_KEYS),
    );
    expect(await verifier.verify(echoed.token, echoed.requestId)).toEqual({
      kind: 'user',
      requestId: echoed.requestId,
      principal: {
        userId: 'demo-user-01',
        orgId: DEMO_ORGANISATIONS.employmentArea.id,
        orgRole: 'EMPLOYMENT_AUTHORITY',
        roles: ['CASEWORKER'],
        issuer: DEV_ISSUER,
      },
    });
  });
});
