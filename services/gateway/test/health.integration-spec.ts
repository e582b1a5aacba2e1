import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BACKEND_SERVICE_NAMES } from '@polku/contracts';
import { MessagingTables1763900000000 } from '@polku/messaging';
import {
  isolatedTestEnv,
  startServiceUnderTest,
  testGatewayConfig,
  type ServiceUnderTest,
} from '@polku/testing';
import { createGatewayApp } from './support/test-gateway-app';
import type { SystemHealth } from '../src/health/system-health';
import { demoAuthHeader } from './support/demo-auth';

// Stands in for a real service: health, database and NATS come from the shared runtime,
// so this proves the gateway's side without importing another service's code.
@Module({})
class BareServiceModule {}

describe('gateway GET /health and /api/v1/system-health', () => {
  let env: Record<string, string>;
  let gateway: NestFastifyApplication;

  async function getHealth(): Promise<{
    statusCode: number;
    body: SystemHealth;
    headers: Record<string, unknown>;
  }> {
    const response = await gateway
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: '/api/v1/system-health',
        headers: await demoAuthHeader(gateway, 'rea.rekisteri'),
      });
    return {
      statusCode: response.statusCode,
      body: response.json<SystemHealth>(),
      headers: response.headers,
    };
  }

  beforeEach(async () => {
    env = isolatedTestEnv({ HEALTH_TIMEOUT_MS: '500' });
    gateway = await createGatewayApp({ config: testGatewayConfig(env), logger: false });
    await gateway.init();
    await gateway.getHttpAdapter().getInstance().ready();
  });

  afterEach(async () => {
    await gateway.close();
  });

  it('should answer 503 naming every service as down when no service is running', async () => {
    const { statusCode, body, headers } = await getHealth();

    expect(statusCode).toBe(503);
    expect(headers['cache-control']).toBe('no-store');
    expect(body.status).toBe('down');
    expect(body.gateway.checks.database).toMatchObject({ status: 'up', migrationsPending: false });
    expect(body.gateway.checks.nats.status).toBe('up');
    for (const service of BACKEND_SERVICE_NAMES) {
      expect(body.services[service]).toMatchObject({ service, status: 'down' });
      expect(body.services[service]).toHaveProperty('detail');
    }
  });

  it('should report a service as up once it answers on its health subject', async () => {
    let transitions: ServiceUnderTest | undefined;
    try {
      transitions = await startServiceUnderTest({
        service: 'transitions',
        appModule: BareServiceModule,
        entities: [],
        migrations: [MessagingTables1763900000000],
        config: testGatewayConfig(env),
      });
      const { body } = await getHealth();

      expect(body.services.transitions).toMatchObject({ service: 'transitions', status: 'up' });
      expect(body.services['client-intake'].status).toBe('down');
    } finally {
      await transitions?.close();
    }
  });

  it('should show the public only up or down, with no details', async () => {
    const response = await gateway
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/health' });

    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'down' });
    expect(response.body).not.toMatch(/nats|database|client-intake|detail/i);
  });

  it.each(['tiina.tyollisyys', 'olli.yllapito'])(
    'should refuse the details to %s, who is no registry administrator',
    async (username) => {
      const response = await gateway
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: '/api/v1/system-health',
          headers: await demoAuthHeader(gateway, username),
        });

      expect(response.statusCode).toBe(403);
      expect(response.body).not.toMatch(/nats|database|client-intake/i);
    },
  );

  it('should refuse the details without a token', async () => {
    const response = await gateway
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/api/v1/system-health' });

    expect(response.statusCode).toBe(401);
  });

  it('should answer liveness without asking any dependency', async () => {
    const response = await gateway
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/health/live' });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'up' });
  });
});
