import { DEMO_ORGANISATIONS } from '@polku/demo';
import { gatewayClient, type Answer } from './support/gateway-client';
import { pathSeeder } from './support/seed-paths';
import { serviceQuery } from './support/service-database';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 16 item 3: a client without a permanent personal identity code enters polku through the
// gateway, unverified; only the path's owner records the permanent code and links a possible
// duplicate; every one of those commands leaves an audit row; no other organisation can find the
// client or learn of the match.
const org = DEMO_ORGANISATIONS;
const SERVICES = ['gateway', 'client-intake'] as const;
const HOLDER_CODE = '091085-2241';

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);
const { whenStatus } = pathSeeder(api, 'Tunniste');

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
  await system.waitUntilUp(SERVICES);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

async function refer(as: string, client: object): Promise<Answer> {
  return api('POST', '/referrals', as, {
    client: {
      givenNames: 'Amina',
      familyName: 'Tunniste',
      language: 'other',
      addressProtected: false,
      ...client,
    },
    toOrgId: org.tyonsilta.id,
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LANGUAGE_AND_INTEGRATION',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
    desiredStart: '2027-01-07',
  });
}

const auditRoutes = async (pathId: string) =>
  (
    await serviceQuery<{ route: string; outcome: string; org_id: string }>(
      system.env,
      'gateway',
      'SELECT route, outcome, org_id FROM audit_record WHERE path_id = $1 ORDER BY id',
      [pathId],
    )
  ).map((row) => `${row.outcome} ${row.route} ${row.org_id}`);

describe('clients without a permanent personal identity code, through the gateway', () => {
  it('referral with a temporary code or none: unverified, two clients for one temporary code, invisible to other organisations', async () => {
    const temporary = await refer('tiina.tyollisyys', { personalIdentityCode: '131052-900W' });
    const again = await refer('sanna.sosiaalityo', { personalIdentityCode: '131052-900W' });
    const none = await refer('tiina.tyollisyys', { birthDate: '1990-04-17' });

    for (const created of [temporary, again, none]) {
      expect(created).toMatchObject({
        status: 201,
        body: { identityVerified: false, identityStatus: 'UNVERIFIED' },
      });
    }
    expect(again.body.clientRef).not.toBe(temporary.body.clientRef);
    const owner = await whenStatus(
      `/paths/${temporary.body.pathId}/client`,
      'tiina.tyollisyys',
      200,
    );
    expect(owner.body).toMatchObject({
      personalIdentityCode: '131052-900W',
      identityVerified: false,
      identityStatus: 'UNVERIFIED',
      version: 1,
    });
    expect(owner.headers.get('etag')).toBe('"1"');
    // Social services referred the same temporary code: it sees only its own client.
    expect(
      (await api('GET', `/paths/${temporary.body.pathId}/client`, 'sanna.sosiaalityo')).status,
    ).toBe(404);
    expect(
      (await api('GET', `/paths/${temporary.body.pathId}/client`, 'kaisa.kumppaniksi')).status,
    ).toBe(404);
  });

  it('recording the permanent code shows the owner a duplicate as an opaque reference; linking and unlinking need If-Match and are audited; others learn nothing', async () => {
    const holder = await refer('sanna.sosiaalityo', { personalIdentityCode: HOLDER_CODE });
    const unverified = await refer('tiina.tyollisyys', { birthDate: '1985-10-09' });
    expect(unverified.status).toBe(201);
    const pathId = unverified.body.pathId as string;
    await whenStatus(`/paths/${pathId}/client`, 'tiina.tyollisyys', 200);
    const codeUrl = `/paths/${pathId}/client/identity-code`;

    // Without If-Match: 428. The receiver (a party, not the owner): 403. No party: 404.
    expect(
      (await api('POST', codeUrl, 'tiina.tyollisyys', { personalIdentityCode: HOLDER_CODE }))
        .status,
    ).toBe(428);
    await whenStatus(`/paths/${pathId}/client`, 'ville.tyonsilta', 200);
    expect(
      (
        await api(
          'POST',
          codeUrl,
          'ville.tyonsilta',
          { personalIdentityCode: HOLDER_CODE },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await api(
          'POST',
          codeUrl,
          'sanna.sosiaalityo',
          { personalIdentityCode: HOLDER_CODE },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(404);

    const recorded = await api(
      'POST',
      codeUrl,
      'tiina.tyollisyys',
      { personalIdentityCode: HOLDER_CODE },
      { 'if-match': '"1"' },
    );
    expect(recorded).toMatchObject({
      status: 200,
      body: { identityVerified: false, identityStatus: 'UNVERIFIED', version: 2 },
    });
    expect(recorded.body.possibleDuplicates).toEqual([
      { duplicateRef: expect.any(String), match: 'SAME_CODE' },
    ]);
    expect(JSON.stringify(recorded.body)).not.toContain(holder.body.clientRef);
    expect(JSON.stringify(recorded.body)).not.toContain(holder.body.pathId);
    // The holder's organisation is told nothing.
    const holderView = await whenStatus(
      `/paths/${holder.body.pathId}/client`,
      'sanna.sosiaalityo',
      200,
    );
    expect(holderView.body).toMatchObject({ identityVerified: true, possibleDuplicates: [] });

    const linked = await api(
      'POST',
      `/paths/${pathId}/client/links`,
      'tiina.tyollisyys',
      { duplicateRef: recorded.body.possibleDuplicates[0].duplicateRef },
      { 'if-match': '"2"' },
    );
    expect(linked).toMatchObject({
      status: 201,
      body: { identityStatus: 'LINKED', identityVerified: true, version: 3 },
    });
    const stale = await api(
      'POST',
      `/paths/${pathId}/client/links/${linked.body.linkId}/removal`,
      'tiina.tyollisyys',
      undefined,
      { 'if-match': '"2"' },
    );
    expect(stale.status).toBe(412);
    const unlinked = await api(
      'POST',
      `/paths/${pathId}/client/links/${linked.body.linkId}/removal`,
      'tiina.tyollisyys',
      undefined,
      { 'if-match': '"3"' },
    );
    expect(unlinked).toMatchObject({
      status: 200,
      body: { identityStatus: 'UNVERIFIED', identityVerified: false, version: 4 },
    });

    const rows = await auditRoutes(pathId);
    const employment = org.employmentArea.id;
    expect(rows).toEqual(
      expect.arrayContaining([
        `DONE POST /api/v1/paths/:pathId/client/identity-code ${employment}`,
        `DONE POST /api/v1/paths/:pathId/client/links ${employment}`,
        `DONE POST /api/v1/paths/:pathId/client/links/:linkId/removal ${employment}`,
        `REFUSED POST /api/v1/paths/:pathId/client/identity-code ${org.socialServices.id}`,
      ]),
    );
  });
});
