import type { EventEnvelope } from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import { streamEvents } from './support/event-stream';
import { gatewayClient } from './support/gateway-client';
import { INTAKE_BODY, pathSeeder } from './support/seed-paths';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 16 item 2: the organisation accountable for a path keeps the path itself (PATH) on its
// task whatever consents the client withdraws; what needs the consent (the plan of a
// non-statutory party, the intake's health flag) goes with it, and an organisation that is no
// longer accountable keeps nothing it saw on the consent (docs/auth.md, "The accountable
// organisation keeps its path").
const org = DEMO_ORGANISATIONS;
const SERVICES = ['gateway', 'client-intake', 'activation-plans', 'transitions'] as const;

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);
const { acceptedPath, whenStatus } = pathSeeder(api, 'Vastuu');

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

/** If-Match with the path's ETag as `as` reads it now. */
async function ifMatch(pathId: string, as: string): Promise<Record<string, string>> {
  const read = await api('GET', `/paths/${pathId}`, as);
  expect(read.status).toBe(200);
  return { 'if-match': read.headers.get('etag') ?? '' };
}

/** The path as transitions sees it, once `accountable` is the organisation. */
function whenAccountable(pathId: string, as: string, orgId: string) {
  return waitFor(
    async () => {
      const answer = await api('GET', `/paths/${pathId}`, as);
      return answer.status === 200 && answer.body.accountable?.orgId === orgId
        ? answer.body
        : undefined;
    },
    { timeoutMs: 20_000, description: `path ${pathId} accountable to ${orgId}` },
  );
}

/** Both grants of the path (the referral's and a later one), withdrawn by the employment area. */
async function withdrawEveryConsent(pathId: string): Promise<void> {
  const listed = await api('GET', `/paths/${pathId}/consents?limit=50`, 'tiina.tyollisyys');
  expect(listed.status).toBe(200);
  const grants = (
    listed.body as { items: { consentId: string; kind: string; version: number }[] }
  ).items.filter((record) => record.kind === 'GRANT');
  expect(grants).toHaveLength(2);
  for (const grant of grants) {
    const withdrawn = await api(
      'POST',
      `/paths/${pathId}/consents/${grant.consentId}/withdrawal`,
      'tiina.tyollisyys',
      undefined,
      { 'if-match': `"${grant.version}"` },
    );
    expect(withdrawn.status).toBe(201);
  }
}

/** A second consent for Työnsilta, recorded by the employment area on the client's statement. */
async function grantSecondConsent(pathId: string, orgIds: string[]): Promise<void> {
  const granted = await api('POST', `/paths/${pathId}/consents`, 'tiina.tyollisyys', {
    orgIds,
    dataClasses: ['PATH', 'PLAN'],
    howGiven: 'WRITTEN',
    purpose: 'CLIENT_WORK',
  });
  expect(granted.status).toBe(201);
}

it('should keep the path in sight of the organisation accountable for it when the client withdraws both consents', async () => {
  // Työnsilta sees the path on the client's consent, accepts it and becomes accountable.
  const pathId = await acceptedPath();
  await whenAccountable(pathId, 'ville.tyonsilta', org.tyonsilta.id);
  expect(
    (await api('POST', `/paths/${pathId}/intake`, 'ville.tyonsilta', INTAKE_BODY)).status,
  ).toBe(201);
  const planned = await api('POST', `/paths/${pathId}/activation-plan`, 'tiina.tyollisyys', {
    parties: [{ orgId: org.employmentArea.id }, { orgId: org.tyonsilta.id }],
    clientAgreed: true,
    linkedPlans: [],
    goals: [{ text: 'Käyn työtoiminnassa kolmena päivänä viikossa.' }],
  });
  expect(planned.status).toBe(201);
  await grantSecondConsent(pathId, [org.tyonsilta.id]);
  await whenStatus(`/paths/${pathId}/activation-plan`, 'ville.tyonsilta', 200);

  await withdrawEveryConsent(pathId);

  // The path itself: read, and changed by the accountable organisation.
  const path = await api('GET', `/paths/${pathId}`, 'ville.tyonsilta');
  expect(path.status).toBe(200);
  expect(path.body.accountable).toMatchObject({ orgId: org.tyonsilta.id });
  const changed = await api(
    'POST',
    `/paths/${pathId}/responsible-worker`,
    'ville.tyonsilta',
    { toWorkerId: 'demo-user-10', reasonCategory: 'ABSENCE' },
    await ifMatch(pathId, 'ville.tyonsilta'),
  );
  expect(changed.status).toBe(200);
  // Only the consent's classes go: the plan (Työnsilta is no statutory plan party) and the
  // intake's health flag.
  expect((await api('GET', `/paths/${pathId}/activation-plan`, 'ville.tyonsilta')).status).toBe(
    404,
  );
  expect((await api('GET', `/paths/${pathId}/intake`, 'ville.tyonsilta')).status).toBe(404);
  // The employment area keeps its own basis, the law of its task, as before.
  expect((await api('GET', `/paths/${pathId}`, 'tiina.tyollisyys')).status).toBe(200);
});

it('should not keep the path in sight of an organisation no longer accountable for it (attacker: a former party)', async () => {
  // Työnsilta accepts, hands the path to Kumppaniksi (on the consent naming both), which
  // completes the hand-off and becomes accountable.
  const pathId = await acceptedPath({ alsoFor: [org.kumppaniksi.id] });
  await whenAccountable(pathId, 'ville.tyonsilta', org.tyonsilta.id);
  const proposedDate = addCalendarDays(finnishDateOf(new Date()), 30);
  const proposed = await api('POST', `/paths/${pathId}/hand-offs`, 'ville.tyonsilta', {
    destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
    receivingOrgId: org.kumppaniksi.id,
    proposedDate,
    rationaleCategory: 'NEXT_MEASURE_IN_PLAN',
    proposedBy: 'WORKER',
  });
  expect(proposed.status).toBe(201);
  const [offer] = await waitFor(
    async () => {
      const events = (await streamEvents(system.env)).filter(
        (event: EventEnvelope) => event.pathId === pathId && event.type === 'HandoffProposed',
      );
      return events.length > 0 ? events : undefined;
    },
    { timeoutMs: 20_000, description: 'HandoffProposed' },
  );
  const { handoffId } = offer.data as { handoffId: string };
  await whenStatus(`/paths/${pathId}`, 'kaisa.kumppaniksi', 200);
  const base = `/paths/${pathId}/hand-offs/${handoffId}`;
  expect(
    (
      await api(
        'POST',
        `${base}/acceptance`,
        'kaisa.kumppaniksi',
        { startDate: proposedDate },
        await ifMatch(pathId, 'kaisa.kumppaniksi'),
      )
    ).status,
  ).toBe(200);
  expect(
    (
      await api(
        'POST',
        `${base}/completion`,
        'kaisa.kumppaniksi',
        {},
        await ifMatch(pathId, 'kaisa.kumppaniksi'),
      )
    ).status,
  ).toBe(200);
  await whenAccountable(pathId, 'kaisa.kumppaniksi', org.kumppaniksi.id);
  await grantSecondConsent(pathId, [org.tyonsilta.id, org.kumppaniksi.id]);

  await withdrawEveryConsent(pathId);

  // The accountable organisation keeps the path; the former one, still a party of the path,
  // saw it only on the consent and sees nothing now.
  expect((await api('GET', `/paths/${pathId}`, 'kaisa.kumppaniksi')).status).toBe(200);
  await whenStatus(`/paths/${pathId}`, 'ville.tyonsilta', 404);
  expect((await api('GET', `/paths/${pathId}/referrals`, 'ville.tyonsilta')).status).toBe(404);
  // Nor does an organisation that never took part.
  expect((await api('GET', `/paths/${pathId}`, 'sanna.sosiaalityo')).status).toBe(404);
});
