import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GatewayConfig } from '@polku/config';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { MEETING_COMMANDS, REFERRAL_LEGAL_BASES } from '@polku/contracts';
import { type NatsLink, namespacedSubject } from '@polku/messaging';
import { testToolsLink } from '@polku/testing';
import { DataSource } from 'typeorm';
import { startOidcTestIssuer, type OidcTestIssuer } from './support/oidc-test-issuer';
import { startProductionGateway } from './support/production-gateway';
import { referPath } from './support/seed-paths';

describe('the timeline through the gateway', () => {
  let issuer: OidcTestIssuer;
  let gateway: NestFastifyApplication;
  let dataSource: DataSource;
  // Stands in for network-meetings: answers a page of three entries of three data classes and
  // remembers what each request asked for.
  let services: NatsLink;
  const asked: Record<string, unknown>[] = [];
  const employmentArea = DEMO_ORGANISATIONS.employmentArea.id;
  const tyonsilta = DEMO_ORGANISATIONS.tyonsilta.id;

  beforeAll(async () => {
    issuer = await startOidcTestIssuer();
    gateway = await startProductionGateway(issuer);
    dataSource = gateway.get(DataSource);
    const config = gateway.get(GatewayConfig);
    services = testToolsLink(config, 'timeline-test-services');
    const nc = await services.connect();
    nc.subscribe(namespacedSubject(config.NATS_NAMESPACE, MEETING_COMMANDS.listTimeline), {
      callback: (_error, msg) => {
        asked.push(msg.json<Record<string, unknown>>());
        const entry = (position: string, dataClass: string) => ({ position, dataClass });
        msg.respond(
          JSON.stringify({
            response: {
              items: [entry('3', 'PATH'), entry('2', 'HEALTH_FLAG'), entry('1', 'CLIENT_VOICE')],
              nextCursor: null,
            },
          }),
        );
      },
    });
    await nc.flush();
  });

  afterAll(async () => {
    await services.close();
    await gateway.close();
    await issuer.close();
  });

  const get = async (url: string, username: string) =>
    gateway
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${await issuer.tokenFor(username)}` },
      });

  it('should audit every data class the page disclosed and how many entries when a party reads the timeline', async () => {
    const { pathId } = await referPath(gateway, { fromOrgId: employmentArea, toOrgId: tyonsilta });

    const response = await get(`/api/v1/paths/${pathId}/timeline?limit=10`, 'tiina.tyollisyys');

    expect(response.statusCode).toBe(200);
    const rows = await dataSource.query<
      { data_classes: string[]; row_count: number; route: string }[]
    >(`SELECT data_classes, row_count, route FROM audit_record WHERE path_id = $1`, [pathId]);
    expect(rows).toEqual([
      {
        route: 'GET /api/v1/paths/:pathId/timeline',
        data_classes: ['PATH', 'HEALTH_FLAG', 'CLIENT_VOICE'],
        row_count: 3,
      },
    ]);
    const [basisRow] = await dataSource.query<{ class_bases: unknown }[]>(
      `SELECT class_bases FROM audit_record WHERE path_id = $1`,
      [pathId],
    );
    // Client voice is shown on the client's own choice of who sees each entry.
    expect(basisRow.class_bases).toEqual([
      { dataClass: 'PATH', basis: `law:${REFERRAL_LEGAL_BASES.EMPLOYMENT_AUTHORITY}` },
      { dataClass: 'HEALTH_FLAG', basis: null },
      { dataClass: 'CLIENT_VOICE', basis: 'client-choice' },
    ]);
  });

  it('should pass repeated kinds, the organisation, the period and the order to the service when given', async () => {
    const { pathId } = await referPath(gateway, { fromOrgId: employmentArea, toOrgId: tyonsilta });
    asked.length = 0;

    const response = await get(
      `/api/v1/paths/${pathId}/timeline?kind=PAUSE&kind=CLIENT_VOICE&orgId=${tyonsilta}&from=2026-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z&order=asc&limit=5`,
      'tiina.tyollisyys',
    );

    expect(response.statusCode).toBe(200);
    expect(asked).toEqual([
      {
        pathId,
        limit: 5,
        kind: ['PAUSE', 'CLIENT_VOICE'],
        orgId: tyonsilta,
        from: '2026-01-01T00:00:00.000Z',
        to: '2027-01-01T00:00:00.000Z',
        order: 'asc',
      },
    ]);
  });

  it.each([
    ['an unknown kind', 'kind=SECRETS'],
    ['an organisation that is not a uuid', 'orgId=tyonsilta'],
    ['a period without a time zone', 'from=2026-01-01T00:00:00'],
    ['an unknown order', 'order=sideways'],
  ])('should answer 400 problem+json when the query has %s', async (_label, query) => {
    const { pathId } = await referPath(gateway, { fromOrgId: employmentArea, toOrgId: tyonsilta });

    const response = await get(`/api/v1/paths/${pathId}/timeline?${query}`, 'tiina.tyollisyys');

    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
