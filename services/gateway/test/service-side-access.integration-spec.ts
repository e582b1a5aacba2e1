import { randomUUID } from 'node:crypto';
import { Controller, Get, Module, Param, Req } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { INestMicroservice } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Principal } from '@polku/auth';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { MessagingTables1763900000000 } from '@polku/messaging';
import { assertPathAccess, type PathAccessFacts } from '@polku/path-access';
import { createServiceApp, RequestPrincipal } from '@polku/service-runtime';
import { isolatedTestEnv, testGatewayConfig, testServiceConfig } from '@polku/testing';
import type { FastifyRequest } from 'fastify';
import { NotClientData } from '../src/access/client-data.decorator';
import { createGatewayApp } from './support/test-gateway-app';
import { ServiceClientModule } from '../src/service-client/service-client.module';
import { commandMetadataOf, ServiceCommandBus } from '../src/service-client/service-command-bus';
import { demoAuthHeader } from './support/demo-auth';

// In client-intake's context: the gateway's NATS user may send requests only to a service's own
// subjects, and the service under test runs as client-intake's user.
const VIEW_SUBJECT = 'polku-rpc.intake.test-path-view.v1';
const pathId = randomUUID();
const since = new Date(Date.now() - 60_000);

/** What the service itself knows about its paths (in a real service: its own tables). */
const SERVICE_FACTS = new Map<string, PathAccessFacts>([
  [
    pathId,
    {
      pathId,
      parties: [
        { orgId: DEMO_ORGANISATIONS.employmentArea.id, relation: 'OWNER', since, until: null },
      ],
      coverages: [
        {
          orgId: DEMO_ORGANISATIONS.employmentArea.id,
          dataClasses: ['PATH'],
          basis: { kind: 'LEGAL_BASIS', code: 'JTYPL 380/2023' },
          validFrom: since,
          validTo: null,
          withdrawnAt: null,
        },
      ],
    },
  ],
]);

// The service checks access again with its own facts and the principal the gateway sent.
@Controller()
class PathViewHandler {
  @MessagePattern(VIEW_SUBJECT)
  view(@Payload() body: { pathId: string }, @RequestPrincipal() principal: Principal) {
    const { basis } = assertPathAccess(SERVICE_FACTS.get(body.pathId), {
      principal,
      dataClass: 'PATH',
    });
    return { pathId: body.pathId, seenBy: principal.orgId, basis };
  }
}

@Module({ controllers: [PathViewHandler] })
class PathViewServiceModule {}

// Deliberately without @ClientData: the gateway does not check, so only the service does.
@NotClientData('test route that leaves the access check to the service')
@Controller('test-path-view')
class PathViewForwarder {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get(':pathId')
  view(@Param('pathId') id: string, @Req() request: FastifyRequest) {
    return this.bus.send(VIEW_SUBJECT, { pathId: id }, commandMetadataOf(request));
  }

  @Get(':pathId/without-principal')
  viewWithoutPrincipal(@Param('pathId') id: string, @Req() request: FastifyRequest) {
    return this.bus.send(VIEW_SUBJECT, { pathId: id }, { requestId: String(request.id) });
  }
}

@Module({ imports: [ServiceClientModule], controllers: [PathViewForwarder] })
class PathViewForwarderModule {}

describe('access enforced again by the service', () => {
  let service: INestMicroservice;
  let gateway: NestFastifyApplication;

  beforeAll(async () => {
    const env = isolatedTestEnv();
    ({ app: service } = await createServiceApp({
      service: 'client-intake',
      appModule: PathViewServiceModule,
      entities: [],
      migrations: [MessagingTables1763900000000],
      config: testServiceConfig(env),
      logger: false,
    }));
    await service.listen();
    gateway = await createGatewayApp({
      config: testGatewayConfig(env),
      logger: false,
      extraImports: [PathViewForwarderModule],
    });
    await gateway.init();
  });

  afterAll(async () => {
    await gateway.close();
    await service.close();
  });

  const get = async (url: string, username: string) =>
    gateway
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: await demoAuthHeader(gateway, username) });

  it('should answer a party organisation with the basis the service found', async () => {
    const response = await get(`/api/v1/test-path-view/${pathId}`, 'tiina.tyollisyys');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      pathId,
      seenBy: DEMO_ORGANISATIONS.employmentArea.id,
      basis: { kind: 'LEGAL_BASIS', code: 'JTYPL 380/2023' },
    });
  });

  it('should answer 404 to a non-party organisation although the gateway let it through', async () => {
    const response = await get(`/api/v1/test-path-view/${pathId}`, 'kaisa.kumppaniksi');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).not.toContain(DEMO_ORGANISATIONS.employmentArea.id);
  });

  it('should answer 404 to a manager of the owning organisation', async () => {
    const response = await get(`/api/v1/test-path-view/${pathId}`, 'marja.johtaja');
    expect(response.statusCode).toBe(404);
  });

  it('should refuse a request that reaches the service without a principal', async () => {
    const response = await get(
      `/api/v1/test-path-view/${pathId}/without-principal`,
      'tiina.tyollisyys',
    );
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ type: 'urn:polku:problem:unauthenticated' });
  });
});
