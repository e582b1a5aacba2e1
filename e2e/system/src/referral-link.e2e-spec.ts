import { DEMO_ORGANISATIONS } from '@polku/demo';
import { gatewayClient } from './support/gateway-client';
import { pathSeeder } from './support/seed-paths';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 15 item 5: a referral of a client whose open path another organisation owns is held on a
// path of its own; only the owner's link joins it to the open path. The gateway decides on its
// own projection, which learns of the link from the ReferralLinked event client-intake writes.
const org = DEMO_ORGANISATIONS;
const SERVICES = ['gateway', 'client-intake'] as const;
const CLIENT = {
  personalIdentityCode: '240503A357T',
  givenNames: 'Veikko',
  familyName: 'Linkkinen',
  language: 'fi',
  addressProtected: false,
};

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);
const { whenStatus } = pathSeeder(api, 'Linkki');

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
  await system.waitUntilUp(SERVICES);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

async function refer(as: string, toOrgId: string): Promise<{ pathId: string; referralId: string }> {
  const created = await api('POST', '/referrals', as, {
    client: CLIENT,
    toOrgId,
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
    desiredStart: '2027-01-07',
  });
  expect(created.status).toBe(201);
  return created.body as { pathId: string; referralId: string };
}

describe('linking a held referral to the open path', () => {
  it('referral with an existing client’s code: the referrer reads the open path through the gateway only after the owner links it', async () => {
    const open = await refer('tiina.tyollisyys', org.tyonsilta.id);
    const held = await refer('sanna.sosiaalityo', org.kumppaniksi.id);
    expect(held.pathId).not.toBe(open.pathId);
    // The positive control: the gateway's projection has the held referral (its own path).
    await whenStatus(`/paths/${held.pathId}/referrals`, 'sanna.sosiaalityo', 200);

    // Before the link, neither the referrer nor its receiver gets anything of the open path.
    for (const as of ['sanna.sosiaalityo', 'kaisa.kumppaniksi']) {
      for (const read of ['/parties', '/referrals', '/client']) {
        expect([as, read, (await api('GET', `/paths/${open.pathId}${read}`, as)).status]).toEqual([
          as,
          read,
          404,
        ]);
      }
    }
    // Nor can the referrer link itself in.
    const selfLink = await api(
      'POST',
      `/paths/${open.pathId}/referral-links`,
      'sanna.sosiaalityo',
      {
        referralId: held.referralId,
      },
    );
    expect(selfLink.status).toBe(404);

    const tasks = await api('GET', '/tasks', 'tiina.tyollisyys');
    expect((tasks.body as { items: object[] }).items).toContainEqual(
      expect.objectContaining({
        kind: 'LINK_REFERRAL',
        pathId: open.pathId,
        referralId: held.referralId,
      }),
    );
    const linked = await api('POST', `/paths/${open.pathId}/referral-links`, 'tiina.tyollisyys', {
      referralId: held.referralId,
    });
    expect(linked).toMatchObject({ status: 201, body: { basis: 'OWNER_ACCEPTED' } });

    // The ReferralLinked event reaches the gateway's projection: the referrer reads the open path.
    const path = await whenStatus(`/paths/${open.pathId}/referrals`, 'sanna.sosiaalityo', 200);
    expect(JSON.stringify(path.body)).toContain(open.referralId);
    await whenStatus(`/paths/${open.pathId}/referrals`, 'kaisa.kumppaniksi', 200);
    const parties = await api('GET', `/paths/${open.pathId}/parties`, 'sanna.sosiaalityo');
    expect(JSON.stringify(parties.body)).toContain(org.socialServices.id);
    // The referrer is no owner: the identity code stays masked for it.
    const client = await api('GET', `/paths/${open.pathId}/client`, 'sanna.sosiaalityo');
    expect(client.status).toBe(200);
    expect(JSON.stringify(client.body)).not.toContain(CLIENT.personalIdentityCode);
  });
});
