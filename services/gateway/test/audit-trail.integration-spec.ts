import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GatewayConfig } from '@polku/config';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { INTAKE_COMMANDS, REFERRAL_LEGAL_BASES, TRANSITION_COMMANDS } from '@polku/contracts';
import { type NatsLink, namespacedSubject, REQUEST_HEADERS } from '@polku/messaging';
import { initTracing } from '@polku/observability';
import { testToolsLink } from '@polku/testing';
import { DataSource } from 'typeorm';
import { startProductionGateway } from './support/production-gateway';
import { startOidcTestIssuer, type OidcTestIssuer } from './support/oidc-test-issuer';
import { declineReferral, referPath } from './support/seed-paths';

interface AuditRow {
  user_id: string;
  org_id: string;
  org_role: string;
  user_roles: string[];
  issuer: string;
  action: string;
  outcome: string;
  refusal_reason: string | null;
  http_status: number;
  route: string;
  path_id: string | null;
  data_classes: string[];
  purpose: string;
  relations: string[];
  basis: string | null;
  request_id: string;
  trace_id: string | null;
  class_bases: { dataClass: string; basis: string | null }[];
  row_count: number | null;
  correlation_id: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// As in production (main.ts): spans exist, so audit rows carry the request's trace id.
initTracing({ serviceName: 'audit-test', serviceVersion: 'test' });

describe('audit trail of client-level data', () => {
  let issuer: OidcTestIssuer;
  let gateway: NestFastifyApplication;
  let dataSource: DataSource;
  // Stands in for client-intake and transitions on the real nats-server: answers as they do and
  // remembers the request id each request carried.
  let services: NatsLink;
  const received: string[] = [];
  const employmentArea = DEMO_ORGANISATIONS.employmentArea.id;
  const tyonsilta = DEMO_ORGANISATIONS.tyonsilta.id;

  beforeAll(async () => {
    issuer = await startOidcTestIssuer();
    gateway = await startProductionGateway(issuer);
    dataSource = gateway.get(DataSource);
    const config = gateway.get(GatewayConfig);
    // The test tools' NATS user: it may answer requests of any service's subjects.
    services = testToolsLink(config, 'audit-test-services');
    const nc = await services.connect();
    const answer = (subject: string, body: unknown) =>
      nc.subscribe(namespacedSubject(config.NATS_NAMESPACE, subject), {
        callback: (_error, msg) => {
          received.push(msg.headers?.get(REQUEST_HEADERS.requestId) ?? '');
          msg.respond(JSON.stringify({ response: body }));
        },
      });
    answer(INTAKE_COMMANDS.getClient, {
      clientRef: 'c0ffee00-0000-4000-8000-000000000001',
      personalIdentityCode: '131052-308T',
      givenNames: 'Aino',
      familyName: 'Asiakas',
      language: 'fi',
      phone: null,
      email: null,
      address: null,
      addressProtected: true,
    });
    answer(TRANSITION_COMMANDS.listLostPaths, {
      items: [{ pathId: 'a' }, { pathId: 'b' }, { pathId: 'c' }],
      nextCursor: null,
      count: 3,
    });
    await nc.flush();
  });

  afterAll(async () => {
    await services.close();
    await gateway.close();
    await issuer.close();
  });

  const get = async (url: string, username: string, headers: Record<string, string> = {}) =>
    gateway
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${await issuer.tokenFor(username)}`, ...headers },
      });

  const auditRows = (pathId: string) =>
    dataSource.query<AuditRow[]>(
      `SELECT user_id, org_id, org_role, user_roles, issuer, action, outcome, refusal_reason,
              http_status, route, path_id, data_classes, purpose, relations, basis, request_id,
              trace_id, class_bases, row_count, correlation_id
         FROM audit_record WHERE path_id = $1 ORDER BY id`,
      [pathId],
    );

  it('should append exactly one row with who, organisation, role, action, path, data classes, purpose, basis, request and trace for a read', async () => {
    const { pathId } = await referPath(gateway, { fromOrgId: employmentArea, toOrgId: tyonsilta });

    const response = await get(`/api/v1/paths/${pathId}/parties`, 'tiina.tyollisyys', {
      'x-request-id': `audit-${pathId}`,
    });

    expect(response.statusCode).toBe(200);
    const rows = await auditRows(pathId);
    expect(rows).toEqual([
      {
        user_id: 'demo-user-01',
        org_id: employmentArea,
        org_role: 'EMPLOYMENT_AUTHORITY',
        user_roles: ['CASEWORKER'],
        issuer: issuer.url,
        action: 'READ',
        outcome: 'DONE',
        refusal_reason: null,
        http_status: 200,
        route: 'GET /api/v1/paths/:pathId/parties',
        path_id: pathId,
        data_classes: ['PATH'],
        purpose: 'CLIENT_WORK',
        relations: ['OWNER', 'REFERRER'],
        basis: `law:${REFERRAL_LEGAL_BASES.EMPLOYMENT_AUTHORITY}`,
        class_bases: [
          { dataClass: 'PATH', basis: `law:${REFERRAL_LEGAL_BASES.EMPLOYMENT_AUTHORITY}` },
        ],
        row_count: null,
        // The gateway's own id; the caller's is kept apart, for correlation only.
        request_id: response.headers['x-request-id'],
        correlation_id: `audit-${pathId}`,
        trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    ]);
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('should list IDENTITY with the basis it was shown on when the answer held the client’s identity', async () => {
    const { pathId } = await referPath(gateway, { fromOrgId: employmentArea, toOrgId: tyonsilta });

    const response = await get(`/api/v1/paths/${pathId}/client`, 'tiina.tyollisyys');

    expect(response.statusCode).toBe(200);
    const [row] = await auditRows(pathId);
    expect(row).toMatchObject({
      route: 'GET /api/v1/paths/:pathId/client',
      outcome: 'DONE',
      data_classes: ['PATH', 'IDENTITY'],
      class_bases: [
        { dataClass: 'PATH', basis: `law:${REFERRAL_LEGAL_BASES.EMPLOYMENT_AUTHORITY}` },
        { dataClass: 'IDENTITY', basis: 'owner' },
      ],
    });
    // The audit names the class, never the identity itself.
    expect(JSON.stringify(row)).not.toContain('131052');
    expect(JSON.stringify(row)).not.toContain('Asiakas');
  });

  it('should not list IDENTITY when the answer about the path held no identity', async () => {
    const { pathId } = await referPath(gateway, { fromOrgId: employmentArea, toOrgId: tyonsilta });

    expect((await get(`/api/v1/paths/${pathId}/parties`, 'ville.tyonsilta')).statusCode).toBe(200);

    const [row] = await auditRows(pathId);
    expect(row.data_classes).toEqual(['PATH']);
    expect(row.class_bases.map((disclosed) => disclosed.dataClass)).not.toContain('IDENTITY');
  });

  it('should record the request id the service received, which the gateway made, not the caller’s', async () => {
    const { pathId } = await referPath(gateway, { fromOrgId: employmentArea, toOrgId: tyonsilta });
    received.length = 0;

    const response = await get(`/api/v1/paths/${pathId}/client`, 'tiina.tyollisyys', {
      'x-request-id': 'chosen-by-the-client',
    });

    expect(response.statusCode).toBe(200);
    const [row] = await auditRows(pathId);
    expect(received).toEqual([row.request_id]);
    expect(row.request_id).toMatch(UUID);
    expect(row.request_id).not.toBe('chosen-by-the-client');
    expect(row.correlation_id).toBe('chosen-by-the-client');
    expect(response.headers['x-request-id']).toBe(row.request_id);
  });

  it('should audit a read of the lost-path list with what was disclosed and how many rows, and no path', async () => {
    const before = await dataSource.query<{ max: string | null }[]>(
      'SELECT max(id)::text AS max FROM audit_record',
    );

    const response = await get('/api/v1/lost-paths?limit=10', 'marja.johtaja');

    expect(response.statusCode).toBe(200);
    const rows = await dataSource.query<AuditRow[]>(
      `SELECT route, path_id, data_classes, class_bases, row_count, action, outcome, org_id
         FROM audit_record WHERE id > coalesce($1::bigint, 0) AND route LIKE '%lost-paths'`,
      [before[0].max],
    );
    expect(rows).toEqual([
      {
        route: 'GET /api/v1/lost-paths',
        path_id: null,
        data_classes: ['PATH'],
        class_bases: [{ dataClass: 'PATH', basis: 'owner' }],
        row_count: 3,
        action: 'READ',
        outcome: 'DONE',
        org_id: employmentArea,
      },
    ]);
  });

  it('should refuse a lost-path page larger than the maximum with 400 problem+json', async () => {
    const response = await get('/api/v1/lost-paths?limit=101', 'marja.johtaja');

    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('should page the audit trail: page 2 goes on where page 1 ended, a page above 100 is refused', async () => {
    const { pathId } = await referPath(gateway, { fromOrgId: employmentArea, toOrgId: tyonsilta });
    for (let read = 0; read < 3; read += 1) {
      await get(`/api/v1/paths/${pathId}/parties`, 'tiina.tyollisyys');
    }
    type TrailPage = { items: { requestId: string }[]; nextCursor: string | null };
    const all = (await auditRows(pathId)).map((row) => row.request_id).reverse();

    const first = await get(`/api/v1/paths/${pathId}/audit-trail?limit=2`, 'tiina.tyollisyys');
    expect(first.statusCode).toBe(200);
    const page1 = first.json<TrailPage>();
    expect(first.headers.link).toContain('rel="next"');
    const second = await get(
      `/api/v1/paths/${pathId}/audit-trail?limit=2&cursor=${encodeURIComponent(page1.nextCursor ?? '')}`,
      'tiina.tyollisyys',
    );
    const page2 = second.json<TrailPage>();

    // Newest first; reading page 1 is recorded after it, so it is newer than any of them.
    expect(all).toHaveLength(3);
    expect(page1.items.map((item) => item.requestId)).toEqual(all.slice(0, 2));
    expect(page2.items.map((item) => item.requestId)).toEqual(all.slice(2));
    expect(page2.nextCursor).toBeNull();

    const tooLarge = await get(`/api/v1/paths/${pathId}/audit-trail?limit=101`, 'tiina.tyollisyys');
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.headers['content-type']).toContain('application/problem+json');
    expect(tooLarge.json()).toMatchObject({ type: 'urn:polku:problem:validation-failed' });
  });

  it('should record a refused attempt, and answer it 404', async () => {
    const { pathId } = await referPath(gateway, { fromOrgId: employmentArea, toOrgId: tyonsilta });

    const response = await get(`/api/v1/paths/${pathId}/parties`, 'kaisa.kumppaniksi');

    expect(response.statusCode).toBe(404);
    expect(await auditRows(pathId)).toEqual([
      expect.objectContaining({
        org_id: DEMO_ORGANISATIONS.kumppaniksi.id,
        outcome: 'REFUSED',
        refusal_reason: 'NOT_A_PARTY',
        http_status: 404,
        basis: null,
      }),
    ]);
  });

  it('should refuse UPDATE, DELETE and TRUNCATE on the audit table, for the owner too', async () => {
    const { pathId } = await referPath(gateway, { fromOrgId: employmentArea, toOrgId: tyonsilta });
    await get(`/api/v1/paths/${pathId}/parties`, 'tiina.tyollisyys');
    expect(await auditRows(pathId)).toHaveLength(1);

    await expect(
      dataSource.query(`UPDATE audit_record SET user_id = 'someone-else' WHERE path_id = $1`, [
        pathId,
      ]),
    ).rejects.toThrow(/append-only: UPDATE/);
    await expect(
      dataSource.query('DELETE FROM audit_record WHERE path_id = $1', [pathId]),
    ).rejects.toThrow(/append-only: DELETE/);
    await expect(dataSource.query('TRUNCATE audit_record')).rejects.toThrow(
      /append-only: TRUNCATE/,
    );
    expect(await auditRows(pathId)).toEqual([expect.objectContaining({ user_id: 'demo-user-01' })]);
  });

  it('should give a role with the production grants (INSERT, SELECT) no UPDATE or DELETE privilege', async () => {
    const role = `polku_gateway_test_${Date.now()}`;
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`CREATE ROLE ${role} NOLOGIN`);
      await runner.query(`GRANT INSERT, SELECT ON audit_record TO ${role}`);
      await runner.query('BEGIN');
      await runner.query(`SET LOCAL ROLE ${role}`);
      await expect(runner.query(`UPDATE audit_record SET purpose = 'x'`)).rejects.toThrow(
        /permission denied/,
      );
      await runner.query('ROLLBACK');
      await runner.query('BEGIN');
      await runner.query(`SET LOCAL ROLE ${role}`);
      await expect(runner.query('DELETE FROM audit_record')).rejects.toThrow(/permission denied/);
      await runner.query('ROLLBACK');
    } finally {
      await runner.query(`REVOKE ALL ON audit_record FROM ${role}`).catch(() => undefined);
      await runner.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
      await runner.release();
    }
  });

  it('should tell the owner who processed the path, to whom it was disclosed and on what basis', async () => {
    const { pathId } = await referPath(gateway, { fromOrgId: employmentArea, toOrgId: tyonsilta });
    await get(`/api/v1/paths/${pathId}/parties`, 'tiina.tyollisyys');
    await get(`/api/v1/paths/${pathId}/parties`, 'ville.tyonsilta');
    await get(`/api/v1/paths/${pathId}/parties`, 'kaisa.kumppaniksi'); // refused

    const response = await get(`/api/v1/paths/${pathId}/audit-trail`, 'tiina.tyollisyys');

    expect(response.statusCode).toBe(200);
    const body = response.json<{
      items: { userId: string; orgId: string; action: string; basis: string }[];
      disclosures: { orgId: string; reads: number; bases: string[]; dataClasses: string[] }[];
    }>();
    expect(body.items.map((record) => record.userId)).toEqual(['demo-user-06', 'demo-user-01']);
    expect(body.disclosures).toEqual([
      expect.objectContaining({
        orgId: tyonsilta,
        reads: 1,
        bases: ['law:Act on Public Employment and Business Services 380/2023'],
        dataClasses: ['PATH'],
      }),
    ]);
    // Reading the audit trail is itself recorded.
    const rows = await auditRows(pathId);
    expect(rows.at(-1)).toMatchObject({
      user_id: 'demo-user-01',
      purpose: 'ACCESS_LOG_REVIEW',
      route: 'GET /api/v1/paths/:pathId/audit-trail',
    });
  });

  it('should not show the audit trail to a party that does not own the path', async () => {
    const { pathId } = await referPath(gateway, { fromOrgId: employmentArea, toOrgId: tyonsilta });
    const response = await get(`/api/v1/paths/${pathId}/audit-trail`, 'ville.tyonsilta');
    expect(response.statusCode).toBe(404);
  });

  it('should hide the path from a receiver at once when it declines the referral', async () => {
    const { pathId, referralId } = await referPath(gateway, {
      fromOrgId: employmentArea,
      toOrgId: tyonsilta,
    });
    expect((await get(`/api/v1/paths/${pathId}/parties`, 'ville.tyonsilta')).statusCode).toBe(200);

    await declineReferral(gateway, { pathId, referralId, byOrgId: tyonsilta });

    expect((await get(`/api/v1/paths/${pathId}/parties`, 'ville.tyonsilta')).statusCode).toBe(404);
    expect((await get(`/api/v1/paths/${pathId}/parties`, 'tiina.tyollisyys')).statusCode).toBe(200);
  });
});
