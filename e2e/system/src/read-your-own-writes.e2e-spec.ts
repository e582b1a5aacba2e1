import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import { gatewayClient, type Answer } from './support/gateway-client';
import { lockServiceTable, serviceQuery } from './support/service-database';
import { INTAKE_BODY, pathSeeder } from './support/seed-paths';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 16 item 6 (ADR 0015): whoever just created or changed something can use it in the very
// next request, on any service, however far the projections lag. Each test makes a projection
// lag for real (the outbox relay held, or a service's consumers stalled on a table lock), sends
// the next request while it lags, and lets the projection catch up only while that request is
// under way: without read-your-own-writes the request answers 404 at once.
const org = DEMO_ORGANISATIONS;
const SERVICES = ['gateway', 'client-intake', 'activation-plans', 'transitions'] as const;
/** How long after the next request is sent the lag ends; well under READ_YOUR_WRITES_WAIT_MS. */
const LAG_ENDS_AFTER_MS = 400;
/** READ_YOUR_WRITES_WAIT_MS of these processes (its default); 0 turns the guarantee off. */
const WAIT_MS = 2_000;

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);
const { whenStatus } = pathSeeder(api, 'Omakirjoitus');
let clientNumber = 0;

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES, { READ_YOUR_WRITES_WAIT_MS: String(WAIT_MS) });
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

/** A referral from the employment area to Työnsilta of a new client, as tiina makes it. */
function referralBody() {
  clientNumber += 1;
  const birth = `0202${String(70 + clientNumber).padStart(2, '0')}`;
  const individual = String(300 + clientNumber * 2).padStart(3, '0');
  const check = '0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(`${birth}${individual}`) % 31];
  return {
    client: {
      personalIdentityCode: `${birth}-${individual}${check}`,
      givenNames: 'Polku',
      familyName: `Omakirjoitus${clientNumber}`,
      language: 'fi',
      addressProtected: false,
    },
    toOrgId: org.tyonsilta.id,
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
    desiredStart: '2027-01-07',
    consent: {
      orgIds: [org.tyonsilta.id],
      // HEALTH_FLAG: the receiver records the intake, whose health flag needs the consent.
      dataClasses: ['PATH', 'PLAN', 'HEALTH_FLAG'],
      howGiven: 'WRITTEN',
      purpose: 'REFERRAL',
    },
  };
}

async function refer(): Promise<string> {
  const created = await api('POST', '/referrals', 'tiina.tyollisyys', referralBody());
  expect(created.status).toBe(201);
  return (created.body as { pathId: string }).pathId;
}

/**
 * Holds client-intake's outbox relay: from now on its new outbox rows are born marked published
 * (with a marker time), so the relay skips them and no consumer anywhere gets the events.
 * The release unmarks them and wakes the relay, which then publishes them as usual.
 */
async function holdClientIntakeRelay(): Promise<() => Promise<void>> {
  await serviceQuery(
    system.env,
    'client-intake',
    `CREATE OR REPLACE FUNCTION e2e_relay_held() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN NEW.published_at := 'epoch'; RETURN NEW; END $$`,
  );
  await serviceQuery(
    system.env,
    'client-intake',
    `CREATE TRIGGER e2e_relay_held BEFORE INSERT ON outbox_message
       FOR EACH ROW EXECUTE FUNCTION e2e_relay_held()`,
  );
  return async () => {
    await serviceQuery(
      system.env,
      'client-intake',
      'DROP TRIGGER e2e_relay_held ON outbox_message',
    );
    await serviceQuery(
      system.env,
      'client-intake',
      `UPDATE outbox_message SET published_at = NULL WHERE published_at = 'epoch'`,
    );
    await serviceQuery(system.env, 'client-intake', `SELECT pg_notify('outbox_message', '')`);
  };
}

/** Sends `request` now and ends the lag LAG_ENDS_AFTER_MS later, while it is under way. */
async function whileLagEnds(
  request: () => Promise<Answer>,
  endLag: () => Promise<void>,
): Promise<Answer> {
  const [answer] = await Promise.all([
    request(),
    new Promise((resolve) => setTimeout(resolve, LAG_ENDS_AFTER_MS)).then(endLag),
  ]);
  return answer;
}

describe('read your own writes', () => {
  it('referral then consent with the relay held: the gateway waits for its own projection and answers 201, not 404', async () => {
    const release = await holdClientIntakeRelay();
    let released = false;
    try {
      const pathId = await refer();
      // The lag is real: a colleague of the same organisation, who wrote nothing, does not wait
      // for tiina's writes and is refused, since the gateway has not heard of the path.
      expect((await api('GET', `/paths/${pathId}/parties`, 'pekka.esihenkilo')).status).toBe(404);
      const [{ count }] = await serviceQuery<{ count: string }>(
        system.env,
        'gateway',
        'SELECT count(*) FROM inbox_message',
      );

      const consent = await whileLagEnds(
        () =>
          api('POST', `/paths/${pathId}/consents`, 'tiina.tyollisyys', {
            orgIds: [org.tyonsilta.id],
            dataClasses: ['PATH', 'ATTENDANCE'],
            howGiven: 'WRITTEN',
            purpose: 'REFERRAL',
          }),
        async () => {
          // Nothing reached the gateway while the relay was held.
          const [now] = await serviceQuery<{ count: string }>(
            system.env,
            'gateway',
            'SELECT count(*) FROM inbox_message',
          );
          expect(now.count).toBe(count);
          released = true;
          await release();
        },
      );

      expect([consent.status, consent.body]).toEqual([201, expect.anything()]);
      // And the colleague sees the path now that the projection caught up.
      await whenStatus(`/paths/${pathId}/parties`, 'pekka.esihenkilo', 200);
    } finally {
      if (!released) {
        await release();
      }
    }
  });

  it('referral then the path at transitions with its consumers stalled: transitions waits for the referral and answers 200, not 404', async () => {
    const unlock = await lockServiceTable(system.env, 'transitions', 'inbox_message');
    let unlocked = false;
    try {
      const pathId = await refer();
      // The gateway's own projection is not held here: once it knows the path, only
      // transitions lags, and the colleague who wrote nothing gets transitions' 404.
      await whenStatus(`/paths/${pathId}/parties`, 'pekka.esihenkilo', 200);
      expect((await api('GET', `/paths/${pathId}`, 'pekka.esihenkilo')).status).toBe(404);

      const path = await whileLagEnds(
        () => api('GET', `/paths/${pathId}`, 'tiina.tyollisyys'),
        async () => {
          const rows = await serviceQuery(
            system.env,
            'transitions',
            'SELECT 1 FROM path_course WHERE path_id = $1',
            [pathId],
          );
          expect(rows).toEqual([]);
          unlocked = true;
          await unlock();
        },
      );

      expect([path.status, (path.body as { state?: string }).state]).toEqual([200, 'REFERRED']);
    } finally {
      if (!unlocked) {
        await unlock();
      }
    }
  });

  it('intake at client-intake then the plan at activation-plans with its consumers stalled: the plan waits for the intake and answers 201, not 409 INTAKE', async () => {
    const pathId = await refer();
    const referrals = await whenStatus(`/paths/${pathId}/referrals`, 'ville.tyonsilta', 200);
    const { referralId } = (referrals.body as { items: { referralId: string }[] }).items[0];
    const accepted = await api(
      'POST',
      `/paths/${pathId}/referrals/${referralId}/acceptance`,
      'ville.tyonsilta',
      { expectedStart: '2027-01-14' },
      { 'if-match': '"1"' },
    );
    expect(accepted.status).toBe(200);
    // activation-plans knows the acceptance (its access facts) before its consumers stall.
    await whenStatus(`/paths/${pathId}/measures?limit=10`, 'ville.tyonsilta', 200);
    const unlock = await lockServiceTable(system.env, 'activation-plans', 'inbox_message');
    let unlocked = false;
    try {
      const intake = await api('POST', `/paths/${pathId}/intake`, 'ville.tyonsilta', INTAKE_BODY);
      expect(intake.status).toBe(201);

      const plan = await whileLagEnds(
        () =>
          api('POST', `/paths/${pathId}/activation-plan`, 'ville.tyonsilta', {
            parties: [{ orgId: org.employmentArea.id }, { orgId: org.tyonsilta.id }],
            clientAgreed: true,
            linkedPlans: [],
            goals: [{ text: 'Aloitan työtoiminnan.' }],
          }),
        async () => {
          // Still in intake as activation-plans knows it: without the wait the plan is a 409.
          const seen = await serviceQuery<{ intake_completed_at: Date | null }>(
            system.env,
            'activation-plans',
            'SELECT intake_completed_at FROM path_stage WHERE path_id = $1',
            [pathId],
          );
          expect(seen.every((row) => row.intake_completed_at === null)).toBe(true);
          unlocked = true;
          await unlock();
        },
      );

      expect([plan.status, (plan.body as { pathState?: string }).pathState]).toEqual([
        201,
        undefined,
      ]);
    } finally {
      if (!unlocked) {
        await unlock();
      }
    }
  });

  it('a consumer stuck past READ_YOUR_WRITES_WAIT_MS: one request waits the bound, runs anyway with a warning, and the next does not wait again', async () => {
    const unlock = await lockServiceTable(system.env, 'transitions', 'inbox_message');
    try {
      const pathId = await refer();
      await whenStatus(`/paths/${pathId}/parties`, 'pekka.esihenkilo', 200);

      const first = await timed(() => api('GET', `/paths/${pathId}`, 'tiina.tyollisyys'));
      // Stale, as without the guarantee, but answered: not a 503 and not the request timeout.
      expect(first.answer.status).toBe(404);
      expect(first.ms).toBeGreaterThanOrEqual(WAIT_MS - 50);
      // The warning travels through the process's stdout pipe, so it may trail the answer.
      await waitFor(
        () =>
          system.lines.some(
            (line) =>
              line.startsWith('transitions:') && line.includes('running the request anyway'),
          ),
        { timeoutMs: 5_000, description: 'transitions to warn that it ran the request anyway' },
      );

      const second = await timed(() => api('GET', `/paths/${pathId}`, 'tiina.tyollisyys'));
      expect(second.answer.status).toBe(404);
      // Not sent the event again: waiting for it would take the whole bound once more.
      expect(second.ms).toBeLessThan(WAIT_MS - 100);
    } finally {
      await unlock();
    }
  });
});

/** The answer of `request` and how long it took, in ms. */
async function timed(request: () => Promise<Answer>): Promise<{ answer: Answer; ms: number }> {
  const started = performance.now();
  const answer = await request();
  return { answer, ms: performance.now() - started };
}
