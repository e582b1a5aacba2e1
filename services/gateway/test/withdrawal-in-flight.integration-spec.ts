import { Controller, Get, Module, Param } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { isolatedTestEnv, testGatewayConfig } from '@polku/testing';
import { DataSource } from 'typeorm';
import { ConsentWithdrawalFence } from '../src/access/consent-withdrawal-fence';
import { PathAccessModule } from '../src/access/path-access.module';
import { createGatewayApp } from './support/test-gateway-app';
import { ClientDataRead } from '../src/http/endpoint-kinds';
import { demoAuthHeader } from './support/demo-auth';
import { grantConsent, referPath } from './support/seed-paths';

// A read the gateway allowed, whose consent is withdrawn while the service still works on it:
// the answer must not leave after the withdrawal's 2xx (ADR 0014).
@Controller('test-in-flight')
class InFlightReadController {
  constructor(
    private readonly withdrawals: ConsentWithdrawalFence,
    private readonly dataSource: DataSource,
  ) {}

  @Get(':pathId')
  @ClientDataRead({
    summary: 'test: a plan read during which the consent is withdrawn',
    dataClasses: ['PLAN'],
    answer: 'one',
  })
  async read(@Param('pathId') pathId: string) {
    const [consent] = await this.dataSource.query<{ consent_id: string }[]>(
      'SELECT consent_id FROM path_access_consent WHERE path_id = $1',
      [pathId],
    );
    // What the withdrawal's request does meanwhile, on any replica, before it answers 2xx.
    await this.withdrawals.apply({ pathId, consentId: consent.consent_id }, {});
    return { pathId, plan: 'the plan the consent covered' };
  }
}

@Module({ imports: [PathAccessModule], controllers: [InFlightReadController] })
class InFlightReadModule {}

describe('a read in flight when the consent is withdrawn', () => {
  let gateway: NestFastifyApplication;
  let pathId: string;

  beforeAll(async () => {
    gateway = await createGatewayApp({
      config: testGatewayConfig(isolatedTestEnv()),
      logger: false,
      extraImports: [InFlightReadModule],
    });
    await gateway.init();
    ({ pathId } = await referPath(gateway, {
      fromOrgId: DEMO_ORGANISATIONS.employmentArea.id,
      toOrgId: DEMO_ORGANISATIONS.tyonsilta.id,
    }));
    await grantConsent(gateway, {
      pathId,
      orgId: DEMO_ORGANISATIONS.tyonsilta.id,
      dataClasses: ['PATH', 'PLAN'],
    });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('withdrawal in flight: answers 404, not the data, and audits the refusal', async () => {
    const response = await gateway
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `/api/v1/test-in-flight/${pathId}`,
        headers: await demoAuthHeader(gateway, 'ville.tyonsilta'),
      });

    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('the plan the consent covered');
    const rows = await gateway
      .get(DataSource)
      .query<{ outcome: string; http_status: number }[]>(
        'SELECT outcome, http_status FROM audit_record WHERE path_id = $1',
        [pathId],
      );
    expect(rows).toEqual([{ outcome: 'REFUSED', http_status: 404 }]);
  });
});
