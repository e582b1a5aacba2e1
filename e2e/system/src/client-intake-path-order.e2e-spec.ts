import {
  CLIENT_REFERRED_V1,
  INTAKE_COMPLETED_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
} from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import { gatewayClient, type Answer } from './support/gateway-client';
import { serviceQuery } from './support/service-database';
import { INTAKE_BODY, pathSeeder } from './support/seed-paths';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 16 item 1, client-intake's side (docs/path-rules.md, "client-intake"): the sequences
// reported through the API — re-referring a client whose referral still waits, recording an
// intake before the referral is accepted, a second intake, answering an answered referral —
// are refused up front with 409 path-state-conflict and write nothing, so transitions never
// dead-letters a fact the user was told succeeded.
const org = DEMO_ORGANISATIONS;
const SERVICES = ['gateway', 'client-intake', 'transitions'] as const;

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);
const { whenStatus } = pathSeeder(api, 'Jarjestys');

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

const intakeQuery = <T>(sql: string, parameters: unknown[] = []) =>
  serviceQuery<T>(system.env, 'client-intake', sql, parameters);
const transitionsQuery = <T>(sql: string, parameters: unknown[] = []) =>
  serviceQuery<T>(system.env, 'transitions', sql, parameters);

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
let clientNumber = 0;

/** A made-up client with a valid personal identity code of its own (born 1950–1959). */
function newClient() {
  clientNumber += 1;
  const birth = `0202${String(50 + clientNumber).padStart(2, '0')}`;
  const individual = String(300 + clientNumber * 2).padStart(3, '0');
  const check = CHECK_CHARACTERS[Number(`${birth}${individual}`) % 31];
  return {
    personalIdentityCode: `${birth}-${individual}${check}`,
    givenNames: 'Polku',
    familyName: `Jarjestys${clientNumber}`,
    language: 'fi',
    addressProtected: false,
  };
}

/** A referral of `client` to `toOrgId`, on the client's consent for the receiver's intake. */
function referral(client: ReturnType<typeof newClient>, toOrgId: string) {
  return {
    client,
    toOrgId,
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
    desiredStart: '2027-01-07',
    consent: {
      orgIds: [toOrgId],
      dataClasses: ['PATH', 'HEALTH_FLAG'],
      howGiven: 'WRITTEN',
      purpose: 'REFERRAL',
    },
  };
}

async function refer(as: string, body: object): Promise<{ pathId: string; referralId: string }> {
  const created = await api('POST', '/referrals', as, body);
  expect(created.status).toBe(201);
  return created.body as { pathId: string; referralId: string };
}

function accept(pathId: string, referralId: string, as = 'ville.tyonsilta', version = 1) {
  return api(
    'POST',
    `/paths/${pathId}/referrals/${referralId}/acceptance`,
    as,
    { expectedStart: '2027-01-14' },
    { 'if-match': `"${version}"` },
  );
}

function expectPathStateConflict(answer: Answer, pathState: string): void {
  expect(answer.status).toBe(409);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(answer.body).toMatchObject({
    type: 'urn:polku:problem:path-state-conflict',
    status: 409,
    pathState,
  });
}

/** What client-intake holds of a path: its referrals by status, intakes and outbox events. */
async function writtenOn(pathId: string) {
  const [row] = await intakeQuery<{ referrals: string[]; intakes: number; events: string[] }>(
    `SELECT ARRAY(SELECT status FROM referral WHERE path_id = $1 ORDER BY created_at) AS referrals,
            (SELECT count(*)::int FROM intake_assessment WHERE path_id = $1) AS intakes,
            ARRAY(SELECT subject FROM outbox_message WHERE payload->>'pathId' = $1::text
                   ORDER BY id) AS events`,
    [pathId],
  );
  return row;
}

/** Transitions has taken in every event client-intake wrote for the path: the course agrees. */
function whenCourse(pathId: string, as: string, state: string, nextStep?: string) {
  return waitFor(
    async () => {
      const answer = await api('GET', `/paths/${pathId}`, as);
      return answer.status === 200 &&
        answer.body.state === state &&
        (nextStep === undefined || answer.body.nextStep?.kind === nextStep)
        ? answer.body
        : undefined;
    },
    { timeoutMs: 20_000, description: `path ${pathId} in ${state} ${nextStep ?? ''}` },
  );
}

it('should refuse a re-referral while the referral still waits for an answer, however often it is tried', async () => {
  const client = newClient();
  const { pathId } = await refer('tiina.tyollisyys', referral(client, org.tyonsilta.id));
  const before = await writtenOn(pathId);

  for (let attempt = 0; attempt < 3; attempt += 1) {
    const again = await api(
      'POST',
      '/referrals',
      'tiina.tyollisyys',
      referral(client, org.kumppaniksi.id),
    );
    expectPathStateConflict(again, 'REFERRED');
    expect(again.body.detail).toContain('still waiting for an answer');
  }
  // Nothing written: one pending referral, no further event.
  expect(await writtenOn(pathId)).toEqual(before);
  expect(before.referrals).toEqual(['PENDING']);
  await whenCourse(pathId, 'tiina.tyollisyys', 'REFERRED', 'ANSWER_REFERRAL');
});

it('should refuse an intake before the referral is accepted, and a second one after it', async () => {
  const { pathId, referralId } = await refer(
    'tiina.tyollisyys',
    referral(newClient(), org.tyonsilta.id),
  );
  await whenStatus(`/paths/${pathId}/referrals`, 'ville.tyonsilta', 200);

  const early = await api('POST', `/paths/${pathId}/intake`, 'ville.tyonsilta', INTAKE_BODY);
  expectPathStateConflict(early, 'REFERRED');
  expect((await writtenOn(pathId)).intakes).toBe(0);

  expect((await accept(pathId, referralId)).status).toBe(200);
  expect(
    (await api('POST', `/paths/${pathId}/intake`, 'ville.tyonsilta', INTAKE_BODY)).status,
  ).toBe(201);
  const recorded = await writtenOn(pathId);
  const second = await api('POST', `/paths/${pathId}/intake`, 'ville.tyonsilta', INTAKE_BODY);
  expectPathStateConflict(second, 'PLANNING');
  expect(await writtenOn(pathId)).toEqual(recorded);
  expect(recorded.intakes).toBe(1);
  await whenCourse(pathId, 'ville.tyonsilta', 'PLANNING');
});

it('should refuse answering an answered referral and re-referring an accepted path', async () => {
  const client = newClient();
  const { pathId, referralId } = await refer(
    'tiina.tyollisyys',
    referral(client, org.tyonsilta.id),
  );
  await whenStatus(`/paths/${pathId}/referrals`, 'ville.tyonsilta', 200);
  expect((await accept(pathId, referralId)).status).toBe(200);
  const accepted = await writtenOn(pathId);

  expectPathStateConflict(await accept(pathId, referralId, 'ville.tyonsilta', 2), 'INTAKE');
  const declined = await api(
    'POST',
    `/paths/${pathId}/referrals/${referralId}/decline`,
    'ville.tyonsilta',
    { reasonCategory: 'NO_CAPACITY' },
    { 'if-match': '"2"' },
  );
  expectPathStateConflict(declined, 'INTAKE');
  // The referrer still owns the path, but the receiver is accountable for it now: a new referral
  // would be a hand-off, which the accountable organisation proposes.
  const again = await api(
    'POST',
    '/referrals',
    'tiina.tyollisyys',
    referral(client, org.kumppaniksi.id),
  );
  expectPathStateConflict(again, 'INTAKE');
  expect(await writtenOn(pathId)).toEqual(accepted);
  await whenCourse(pathId, 'ville.tyonsilta', 'INTAKE');
});

it('should keep a re-referral after a decline and the held path of another organisation working', async () => {
  const client = newClient();
  const { pathId, referralId } = await refer(
    'tiina.tyollisyys',
    referral(client, org.tyonsilta.id),
  );
  await whenStatus(`/paths/${pathId}/referrals`, 'ville.tyonsilta', 200);
  const declined = await api(
    'POST',
    `/paths/${pathId}/referrals/${referralId}/decline`,
    'ville.tyonsilta',
    { reasonCategory: 'NO_CAPACITY' },
    { 'if-match': '"1"' },
  );
  expect(declined.status).toBe(200);
  const again = await refer('tiina.tyollisyys', referral(client, org.kumppaniksi.id));
  expect(again.pathId).toBe(pathId);
  // transitions took the new referral: the next step is its answer again.
  await whenCourse(pathId, 'tiina.tyollisyys', 'REFERRED', 'ANSWER_REFERRAL');
  expect((await writtenOn(pathId)).referrals).toEqual(['DECLINED', 'PENDING']);

  // Another organisation's referral of the same client is held on a path of its own; its own
  // second referral while the first waits is refused there too.
  const held = await refer('sanna.sosiaalityo', referral(client, org.tyonsilta.id));
  expect(held.pathId).not.toBe(pathId);
  const heldAgain = await api(
    'POST',
    '/referrals',
    'sanna.sosiaalityo',
    referral(client, org.kumppaniksi.id),
  );
  expectPathStateConflict(heldAgain, 'REFERRED');
  expect((await writtenOn(held.pathId)).referrals).toEqual(['PENDING']);
  await whenCourse(held.pathId, 'sanna.sosiaalityo', 'REFERRED', 'ANSWER_REFERRAL');
});

it('should refuse the same re-referral sent concurrently but once', async () => {
  const client = newClient();
  const { pathId, referralId } = await refer(
    'tiina.tyollisyys',
    referral(client, org.tyonsilta.id),
  );
  await whenStatus(`/paths/${pathId}/referrals`, 'ville.tyonsilta', 200);
  expect(
    (
      await api(
        'POST',
        `/paths/${pathId}/referrals/${referralId}/decline`,
        'ville.tyonsilta',
        { reasonCategory: 'NO_CAPACITY' },
        { 'if-match': '"1"' },
      )
    ).status,
  ).toBe(200);
  const answers = await Promise.all(
    [org.kumppaniksi.id, org.kumppaniksi.id, org.kumppaniksi.id].map((toOrgId) =>
      api('POST', '/referrals', 'tiina.tyollisyys', referral(client, toOrgId)),
    ),
  );
  expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
  expect((await writtenOn(pathId)).referrals).toEqual(['DECLINED', 'PENDING']);
});

/** The client-intake events transitions feeds to the path machine. */
const PATH_MOVING_SUBJECTS = [
  CLIENT_REFERRED_V1.subject,
  REFERRAL_ACCEPTED_V1.subject,
  REFERRAL_DECLINED_V1.subject,
  INTAKE_COMPLETED_V1.subject,
];

it('should leave no dead letter in transitions after all of the above', async () => {
  // Quiet: transitions has taken in every event client-intake published.
  await waitFor(
    async () => {
      const [{ unpublished }] = await intakeQuery<{ unpublished: number }>(
        'SELECT count(*)::int AS unpublished FROM outbox_message WHERE published_at IS NULL',
      );
      const [{ published }] = await intakeQuery<{ published: number }>(
        `SELECT count(*)::int AS published FROM outbox_message WHERE subject = ANY($1)`,
        [PATH_MOVING_SUBJECTS],
      );
      const [{ processed }] = await transitionsQuery<{ processed: number }>(
        `SELECT ((SELECT count(*) FROM inbox_message WHERE subject = ANY($1))
                + (SELECT count(*) FROM dead_letter WHERE subject = ANY($1)))::int AS processed`,
        [PATH_MOVING_SUBJECTS],
      );
      return unpublished === 0 && processed >= published ? true : undefined;
    },
    { timeoutMs: 30_000, description: 'transitions to take in every path event' },
  );
  expect(await transitionsQuery('SELECT consumer, error FROM dead_letter')).toEqual([]);
});
