import type { EventEnvelope } from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import { streamEvents } from './support/event-stream';
import { gatewayClient } from './support/gateway-client';
import { serviceQuery } from './support/service-database';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';
import { INTAKE_BODY, pathSeeder } from './support/seed-paths';

// Transitions through the gateway, against the gateway, client-intake, activation-plans and
// transitions running as their own processes (see activation-plans.e2e-spec.ts for why not
// through the launcher). Time does not pass in a test: a "clock jump" moves a timer row's due
// time to now, and the real poller fires it, exactly as it would on the day.
const org = DEMO_ORGANISATIONS;
const SERVICES = ['gateway', 'client-intake', 'activation-plans', 'transitions'] as const;
const TIMER_POLL_INTERVAL_MS = 300;

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);
const { acceptedPath, agreePlan, whenStatus } = pathSeeder(api, 'Siirtyma');

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES, {
    TIMER_POLL_INTERVAL_MS: String(TIMER_POLL_INTERVAL_MS),
  });
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

const today = () => finnishDateOf(new Date());

const transitionsQuery = <T>(sql: string, parameters: unknown[] = []) =>
  serviceQuery<T>(system.env, 'transitions', sql, parameters);

/** The clock jump: the path's next live timer whose key starts so is due now. */
async function makeDue(keyPrefix: string, pathId: string): Promise<string[]> {
  const rows = await transitionsQuery<{ key: string }>(
    `UPDATE timer SET due_at = now() - interval '1 second'
      WHERE id = (SELECT id FROM timer WHERE status = 'SCHEDULED' AND key LIKE $1
                   ORDER BY due_at LIMIT 1)
      RETURNING key`,
    [`${keyPrefix}:${pathId}:%`],
  );
  return rows.map((row) => row.key);
}

const eventsOf = async (pathId: string, type: string): Promise<EventEnvelope[]> =>
  (await streamEvents(system.env)).filter(
    (event) => event.pathId === pathId && event.type === type,
  );

/** Waits until the stream holds `count` events of the type for the path. */
function whenEvents(pathId: string, type: string, count: number): Promise<EventEnvelope[]> {
  return waitFor(
    async () => {
      const events = await eventsOf(pathId, type);
      return events.length >= count ? events : undefined;
    },
    { timeoutMs: 20_000, description: `${count} × ${type} of ${pathId}` },
  );
}

/** The path as transitions sees it, once it has reached `state`. */
function whenCourse(pathId: string, as: string, state: string) {
  return waitFor(
    async () => {
      const answer = await api('GET', `/paths/${pathId}`, as);
      return answer.status === 200 && answer.body.state === state ? answer.body : undefined;
    },
    { timeoutMs: 20_000, description: `path ${pathId} in ${state}` },
  );
}

/** If-Match with the path's ETag as `as` reads it now: every change of a path needs it. */
async function ifMatch(pathId: string, as: string): Promise<Record<string, string>> {
  const read = await api('GET', `/paths/${pathId}`, as);
  expect(read.status).toBe(200);
  return { 'if-match': read.headers.get('etag') ?? '' };
}

const TO_KUMPPANIKSI = {
  destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
  receivingOrgId: org.kumppaniksi.id,
  proposedDate: addCalendarDays(today(), 30),
  rationaleCategory: 'NEXT_MEASURE_IN_PLAN',
  proposedBy: 'WORKER',
};

/**
 * Työnsilta accepted the referral (INTAKE) and proposes Kumppaniksi as the next step, on the
 * client's consent that names Kumppaniksi too (without it the receiver sees nothing).
 */
async function pathWithProposedHandoff(): Promise<string> {
  const pathId = await acceptedPath({ alsoFor: [org.kumppaniksi.id] });
  await whenCourse(pathId, 'ville.tyonsilta', 'INTAKE');
  const proposed = await api(
    'POST',
    `/paths/${pathId}/hand-offs`,
    'ville.tyonsilta',
    TO_KUMPPANIKSI,
  );
  expect(proposed.status).toBe(201);
  return pathId;
}

it('should escalate a hand-off ignored past its deadline to the worker, then both organisations’ team leads and managers', async () => {
  const pathId = await pathWithProposedHandoff();
  const course = await whenCourse(pathId, 'ville.tyonsilta', 'TRANSITION_PENDING');
  expect(course).toMatchObject({
    accountable: { orgId: org.tyonsilta.id },
    nextStep: { kind: 'AWAIT_HANDOFF_ANSWER', level: 'WORKER' },
    pendingHandoff: { receivingOrgId: org.kumppaniksi.id, accepted: false },
  });
  // The receiver sees the path while the hand-off waits for its answer.
  await whenStatus(`/paths/${pathId}`, 'kaisa.kumppaniksi', 200);

  // The worker's rung is the sender's; each higher rung reaches the receiver's ladder too.
  const reached = (event: EventEnvelope) => {
    const data = event.data as { level: string; escalatedToOrgId: string };
    return `${data.level}@${data.escalatedToOrgId === org.tyonsilta.id ? 'sender' : data.escalatedToOrgId === org.kumppaniksi.id ? 'receiver' : 'other'}`;
  };
  const ladder = [
    'WORKER@sender',
    'TEAM_LEAD@sender',
    'TEAM_LEAD@receiver',
    'MANAGER@sender',
    'MANAGER@receiver',
  ];
  for (const count of [1, 3, 5]) {
    expect(await makeDue('handoff-answer', pathId)).toHaveLength(1);
    const escalations = await whenEvents(pathId, 'HandoffEscalated', count);
    expect(escalations.map(reached)).toEqual(ladder.slice(0, count));
  }
  // Still the sender's: nobody else became accountable by the silence.
  const escalated = await api('GET', `/paths/${pathId}`, 'ville.tyonsilta');
  expect(escalated.body).toMatchObject({
    accountable: { orgId: org.tyonsilta.id },
    nextStep: { kind: 'AWAIT_HANDOFF_ANSWER', level: 'MANAGER' },
  });
  const lost = await api('GET', '/lost-paths', 'mikko.tyonsilta');
  expect(lost.status).toBe(200);
  expect(lost.body.items).toContainEqual(
    expect.objectContaining({ pathId, reasons: ['NEXT_STEP_OVERDUE_AT_MANAGER'] }),
  );
  // A caseworker has no lost-paths view; another organisation's manager sees none of these.
  expect((await api('GET', '/lost-paths', 'ville.tyonsilta')).status).toBe(403);
  const elsewhere = await api('GET', '/lost-paths', 'marja.johtaja');
  expect(elsewhere.body.items).not.toContainEqual(expect.objectContaining({ pathId }));
});

it('should hand a path over when the receiver accepts and completes, and return a declined one to the sender', async () => {
  const accepted = await pathWithProposedHandoff();
  const [offer] = await whenEvents(accepted, 'HandoffProposed', 1);
  const { handoffId } = offer.data as { handoffId: string };
  await whenStatus(`/paths/${accepted}`, 'kaisa.kumppaniksi', 200);
  const base = `/paths/${accepted}/hand-offs/${handoffId}`;
  expect(
    (
      await api(
        'POST',
        `${base}/acceptance`,
        'kaisa.kumppaniksi',
        { startDate: TO_KUMPPANIKSI.proposedDate },
        await ifMatch(accepted, 'kaisa.kumppaniksi'),
      )
    ).status,
  ).toBe(200);
  // Accepted is not yet handed over: the sender stays accountable.
  expect((await api('GET', `/paths/${accepted}`, 'ville.tyonsilta')).body).toMatchObject({
    accountable: { orgId: org.tyonsilta.id },
  });
  const completion = await api(
    'POST',
    `${base}/completion`,
    'kaisa.kumppaniksi',
    {},
    await ifMatch(accepted, 'kaisa.kumppaniksi'),
  );
  expect(completion.status).toBe(200);
  const [transfer] = await whenEvents(accepted, 'OwnershipTransferred', 1);
  expect(transfer.data).toMatchObject({
    fromOrgId: org.tyonsilta.id,
    toOrgId: org.kumppaniksi.id,
    reason: 'HANDOFF_COMPLETED',
  });
  expect((await api('GET', `/paths/${accepted}`, 'kaisa.kumppaniksi')).body).toMatchObject({
    state: 'PLANNING',
    accountable: { orgId: org.kumppaniksi.id },
    nextStep: { kind: 'AGREE_PLAN' },
  });

  const declined = await pathWithProposedHandoff();
  const [proposal] = await whenEvents(declined, 'HandoffProposed', 1);
  await whenStatus(`/paths/${declined}`, 'kaisa.kumppaniksi', 200);
  const answer = await api(
    'POST',
    `/paths/${declined}/hand-offs/${(proposal.data as { handoffId: string }).handoffId}/decline`,
    'kaisa.kumppaniksi',
    { reasonCategory: 'NO_CAPACITY', alternativeCategory: 'LATER_START' },
    await ifMatch(declined, 'kaisa.kumppaniksi'),
  );
  expect(answer.status).toBe(200);
  expect((await api('GET', `/paths/${declined}`, 'ville.tyonsilta')).body).toMatchObject({
    accountable: { orgId: org.tyonsilta.id },
    nextStep: { kind: 'DECIDE_NEXT_STEP' },
    pendingHandoff: null,
  });
  // The decliner's part ended with its answer.
  await whenStatus(`/paths/${declined}`, 'kaisa.kumppaniksi', 404);
});

it('should answer 428 without If-Match and 412 with a stale one to every change of a path, and change nothing', async () => {
  const pathId = await pathWithProposedHandoff();
  const [offer] = await whenEvents(pathId, 'HandoffProposed', 1);
  const { handoffId } = offer.data as { handoffId: string };
  await whenStatus(`/paths/${pathId}`, 'kaisa.kumppaniksi', 200);
  const before = await api('GET', `/paths/${pathId}`, 'ville.tyonsilta');
  const etag = before.headers.get('etag') ?? '';
  expect(etag).toBe(`"${(before.body as { version: number }).version}"`);
  const stale = `"${(before.body as { version: number }).version - 1}"`;
  // Items inside the path need not exist: the path's version is checked before them.
  const changes: [string, string, object][] = [
    [
      'ville.tyonsilta',
      'exit',
      {
        destination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
        confirmed: false,
        exitDate: today(),
      },
    ],
    [
      'ville.tyonsilta',
      `follow-ups/${crypto.randomUUID()}/completion`,
      { statusNow: 'SAME', contactMode: 'PHONE', helpGiven: ['NONE'], confirmsDestination: true },
    ],
    ['ville.tyonsilta', 'closure', {}],
    ['ville.tyonsilta', 'unclear-path-review', {}],
    [
      'ville.tyonsilta',
      'responsible-worker',
      { toWorkerId: 'usr_colleague', reasonCategory: 'TURNOVER' },
    ],
    ['ville.tyonsilta', `waits/${crypto.randomUUID()}/end`, {}],
    [
      'kaisa.kumppaniksi',
      `hand-offs/${handoffId}/acceptance`,
      { startDate: TO_KUMPPANIKSI.proposedDate },
    ],
    [
      'kaisa.kumppaniksi',
      `hand-offs/${handoffId}/decline`,
      { reasonCategory: 'NO_CAPACITY', alternativeCategory: 'LATER_START' },
    ],
    ['kaisa.kumppaniksi', `hand-offs/${handoffId}/completion`, {}],
  ];
  const answers: string[] = [];
  for (const [as, route, body] of changes) {
    const missing = await api('POST', `/paths/${pathId}/${route}`, as, body);
    const outdated = await api('POST', `/paths/${pathId}/${route}`, as, body, {
      'if-match': stale,
    });
    answers.push(
      `${route}: ${missing.status} ${missing.body?.type} / ${outdated.status} ${outdated.body?.type}`,
    );
  }
  expect(answers).toEqual(
    changes.map(
      ([, route]) =>
        `${route}: 428 urn:polku:problem:precondition-required / 412 urn:polku:problem:precondition-failed`,
    ),
  );
  const after = await api('GET', `/paths/${pathId}`, 'ville.tyonsilta');
  expect(after.headers.get('etag')).toBe(etag);
  expect(after.body).toEqual(before.body);
});

/** Closes the path at the version Työnsilta reads now. */
async function close(pathId: string) {
  return api(
    'POST',
    `/paths/${pathId}/closure`,
    'ville.tyonsilta',
    {},
    await ifMatch(pathId, 'ville.tyonsilta'),
  );
}

it('should follow up an exit to the open labour market and bring a missed follow-up to the manager', async () => {
  const pathId = await acceptedPath();
  await whenCourse(pathId, 'ville.tyonsilta', 'INTAKE');
  const exit = await api(
    'POST',
    `/paths/${pathId}/exit`,
    'ville.tyonsilta',
    {
      destination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
      confirmed: false,
      exitDate: today(),
    },
    await ifMatch(pathId, 'ville.tyonsilta'),
  );
  expect(exit.status).toBe(200);
  const [scheduled] = await whenEvents(pathId, 'FollowUpScheduled', 1);
  const followUps = (scheduled.data as { followUps: { followUpId: string; dueDate: string }[] })
    .followUps;
  // One, three and six months after the exit (the defaults), each later than the last.
  const dueDates = followUps.map((followUp) => followUp.dueDate);
  expect(dueDates[0] > today()).toBe(true);
  expect([...dueDates].sort()).toEqual(dueDates);
  expect(followUps).toHaveLength(3);
  // Not confirmed: closing now would close it silently.
  expect((await close(pathId)).status).toBe(409);

  expect(await makeDue('follow-up-due', pathId)).toHaveLength(1);
  await whenEvents(pathId, 'FollowUpDue', 1);
  expect(await makeDue('follow-up-missed', pathId)).toHaveLength(1);
  const [missed] = await whenEvents(pathId, 'FollowUpMissed', 1);
  expect(missed.data).toMatchObject({
    followUpId: followUps[0].followUpId,
    escalatedTo: 'MANAGER',
    ownerOrgId: org.tyonsilta.id,
  });

  const managerView = await api('GET', '/lost-paths', 'mikko.tyonsilta');
  expect(managerView.body.items).toContainEqual(
    expect.objectContaining({ pathId, reasons: expect.arrayContaining(['FOLLOW_UP_MISSED']) }),
  );
  expect(managerView.body.count).toBeGreaterThanOrEqual(1);

  // Recorded late, the follow-up finds the client at work: no longer lost, and the path stays
  // in follow-up until the other two are done (closing needs every follow-up).
  const late = await api(
    'POST',
    `/paths/${pathId}/follow-ups/${followUps[0].followUpId}/completion`,
    'ville.tyonsilta',
    { statusNow: 'SAME', contactMode: 'PHONE', helpGiven: ['NONE'], confirmsDestination: true },
    await ifMatch(pathId, 'ville.tyonsilta'),
  );
  expect(late.status).toBe(200);
  expect(late.body).toMatchObject({ state: 'FOLLOW_UP' });
  const afterwards = await api('GET', '/lost-paths', 'mikko.tyonsilta');
  expect(afterwards.body.items).not.toContainEqual(expect.objectContaining({ pathId }));
  expect((await close(pathId)).status).toBe(409);
});

it('should suspend the path’s timers while its measure is paused and resume them with it', async () => {
  const pathId = await acceptedPath();
  await whenCourse(pathId, 'ville.tyonsilta', 'INTAKE');
  const intake = await api('POST', `/paths/${pathId}/intake`, 'ville.tyonsilta', INTAKE_BODY);
  expect(intake.status).toBe(201);
  await whenCourse(pathId, 'ville.tyonsilta', 'PLANNING');
  const plan = await agreePlan(pathId, 'ville.tyonsilta', {
    parties: [
      { orgId: org.employmentArea.id, role: 'EMPLOYMENT_AUTHORITY' },
      { orgId: org.tyonsilta.id, role: 'PROVIDER' },
    ],
    clientAgreed: true,
    linkedPlans: [],
    goals: [{ text: 'Aloitan työtoiminnan.' }],
  });
  expect(plan.status).toBe(201);
  const started = await api('POST', `/paths/${pathId}/measures`, 'ville.tyonsilta', {
    measureType: 'REHABILITATIVE_WORK_ACTIVITY',
    placement: { kind: 'IN_HOUSE' },
    schedule: {
      daysPerWeek: 3,
      hoursPerDay: 6,
      startDate: today(),
      plannedEndDate: addCalendarDays(today(), 182),
    },
  });
  expect(started.status).toBe(201);
  const { measureId } = started.body as { measureId: string };
  await whenCourse(pathId, 'ville.tyonsilta', 'IN_MEASURE');
  const liveTimers = () =>
    transitionsQuery<{ key: string; status: string }>(
      `SELECT key, status FROM timer WHERE key LIKE $1 AND status IN ('SCHEDULED', 'SUSPENDED')
        ORDER BY key`,
      [`%:${pathId}:%`],
    );
  const before = await liveTimers();
  expect(before.length).toBeGreaterThan(0);
  expect(before.every((timer) => timer.status === 'SCHEDULED')).toBe(true);

  const measure = `/paths/${pathId}/measures/${measureId}`;
  expect(
    (
      await api(
        'POST',
        `${measure}/pause`,
        'ville.tyonsilta',
        { reasonCategory: 'SICK_LEAVE' },
        { 'if-match': '"1"' },
      )
    ).status,
  ).toBe(200);
  const paused = await whenCourse(pathId, 'ville.tyonsilta', 'PAUSED');
  expect(paused.nextStep).toMatchObject({ kind: 'RESUME_MEASURE' });
  // Every live timer of the path waits but the pause's own ladder: RESUME_MEASURE still climbs
  // worker → team lead → manager, so a pause with no end is never forgotten (issue 18).
  const resumeLadder = `next-step:${pathId}:`;
  const suspended = await waitFor(
    async () => {
      const timers = await liveTimers();
      const others = timers.filter((timer) => !timer.key.startsWith(resumeLadder));
      const ladder = timers.filter((timer) => timer.key.startsWith(resumeLadder));
      return others.length > 0 &&
        others.every((timer) => timer.status === 'SUSPENDED') &&
        ladder.length === 1 &&
        ladder[0].status === 'SCHEDULED'
        ? others
        : undefined;
    },
    {
      timeoutMs: 20_000,
      description: () => 'every live timer of the path suspended but the RESUME_MEASURE ladder',
    },
  );
  // The reminders before the measure's end wait with it; the next step became RESUME_MEASURE.
  const reminders = before.filter((timer) => timer.key.startsWith('measure-ending:'));
  expect(reminders).toHaveLength(3);
  expect(suspended.map((timer) => timer.key)).toEqual(
    expect.arrayContaining(reminders.map((timer) => timer.key)),
  );

  expect(
    (await api('POST', `${measure}/resume`, 'ville.tyonsilta', undefined, { 'if-match': '"2"' }))
      .status,
  ).toBe(200);
  await whenCourse(pathId, 'ville.tyonsilta', 'IN_MEASURE');
  const resumed = await waitFor(
    async () => {
      const timers = await liveTimers();
      return timers.every((timer) => timer.status === 'SCHEDULED') ? timers : undefined;
    },
    { timeoutMs: 20_000, description: 'every live timer of the path running again' },
  );
  expect(resumed.map((timer) => timer.key)).toEqual(
    expect.arrayContaining(reminders.map((timer) => timer.key)),
  );
});

it('should fire each due timer exactly once when transitions is killed while they are due', async () => {
  const paths: string[] = [];
  for (let index = 0; index < 4; index += 1) {
    paths.push(await pathWithProposedHandoff());
  }
  for (const pathId of paths) {
    await whenCourse(pathId, 'ville.tyonsilta', 'TRANSITION_PENDING');
  }
  // Every answer deadline passes at once; the service dies while the poller works on them.
  for (const pathId of paths) {
    expect(await makeDue('handoff-answer', pathId)).toHaveLength(1);
  }
  // Deliberate: half a poll interval lands the kill while the poller works on the due timers.
  await new Promise((resolve) => setTimeout(resolve, TIMER_POLL_INTERVAL_MS / 2));
  await system.kill('transitions');
  system.start('transitions');
  await system.waitUntilUp(['transitions']);

  for (const pathId of paths) {
    await whenEvents(pathId, 'HandoffEscalated', 1);
  }
  // A deliberate window, not a wait for a condition: three more polls, so a timer that fired
  // twice would show by now.
  await new Promise((resolve) => setTimeout(resolve, 3 * TIMER_POLL_INTERVAL_MS));
  for (const pathId of paths) {
    expect(
      (await eventsOf(pathId, 'HandoffEscalated')).map(
        (event) => (event.data as { level: string }).level,
      ),
    ).toEqual(['WORKER']);
  }
  expect(system.exits.filter((exit) => exit.service === 'transitions')).toHaveLength(1);
});
