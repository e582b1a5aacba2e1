import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { REFERRAL_LEGAL_BASES } from '@polku/contracts';
import { initTracing } from '@polku/observability';
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
}

// As in production (main.ts): spans exist, so audit rows carry the request's trace id.
initTracing({ serviceName: 'audit-test', serviceVersion: 'test' });

describe('audit trail of client-level data', () => {
  let issuer: OidcTestIssuer;
  let gateway: NestFastifyApplication;
  let dataSource: DataSource;
  const employmentArea = DEMO_ORGANISATIONS.employmentArea.id;
  const tyonsilta = DEMO_ORGANISATIONS.tyonsilta.id;

  beforeAll(async () => {
    issuer = await startOidcTestIssuer();
    gateway = await startProductionGateway(issuer);
    dataSource = gateway.get(DataSource);
  });

  afterAll(async () => {
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
              trace_id
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
        request_id: `audit-${pathId}`,
        trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    ]);
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
      records: { userId: string; orgId: string; action: string; basis: string }[];
      disclosures: { orgId: string; reads: number; bases: string[]; dataClasses: string[] }[];
    }>();
    expect(body.records.map((record) => record.userId)).toEqual(['demo-user-06', 'demo-user-01']);
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
