import type { EventEnvelope } from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import { streamEvents } from './support/event-stream';
import { gatewayClient, type Answer } from './support/gateway-client';
import { serviceQuery } from './support/service-database';
import { pathSeeder } from './support/seed-paths';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Activation plans through the gateway, against the gateway, client-intake and activation-plans
// running as their own processes (built bundles, as `npm start` runs them). Not through the
// launcher: the last test kills activation-plans with SIGKILL and starts it again while the
// others run, and the launcher stops everything when one service dies.
//
// This installation's law asks for at least 2 days a week of rehabilitative work activity
// (KTT_DAYS_PER_WEEK_MIN=2, the default is 1): the limits are configuration, and with the
// default no schedule could break that rule without first breaking "1–7 days a week".
const org = DEMO_ORGANISATIONS;
const SERVICES = ['gateway', 'client-intake', 'activation-plans'] as const;
const TIMER_POLL_INTERVAL_MS = 300;

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES, {
    KTT_DAYS_PER_WEEK_MIN: '2',
    TIMER_POLL_INTERVAL_MS: String(TIMER_POLL_INTERVAL_MS),
  });
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

const today = () => finnishDateOf(new Date());

const { acceptedPath, plannablePath, agreePlan, whenStatus } = pathSeeder(api, 'Suunnitelma');

const PLAN = {
  parties: [
    { orgId: org.employmentArea.id, role: 'EMPLOYMENT_AUTHORITY' },
    { orgId: org.socialServices.id, role: 'SOCIAL_SERVICES' },
    { orgId: org.tyonsilta.id, role: 'PROVIDER' },
  ],
  clientAgreed: true,
  linkedPlans: [
    { kind: 'EMPLOYMENT_PLAN', reference: 'TS-2026-118', heldByOrgId: org.employmentArea.id },
  ],
  goals: [
    {
      text: 'Jaksan käydä työtoiminnassa kolme päivää viikossa.',
      gasScale: {
        levelMinus2: 'En käy ollenkaan',
        levelMinus1: 'Käyn yhden päivän viikossa',
        level0: 'Käyn kolme päivää viikossa',
        levelPlus1: 'Käyn neljä päivää viikossa',
        levelPlus2: 'Haen palkkatukityötä',
      },
    },
  ],
};

async function agreedPlan(pathId: string, reviewDate: string) {
  const agreed = await agreePlan(pathId, 'tiina.tyollisyys', { ...PLAN, reviewDate });
  expect(agreed.status).toBe(201);
  return agreed;
}

const plansQuery = <T>(sql: string, parameters: unknown[] = []) =>
  serviceQuery<T>(system.env, 'activation-plans', sql, parameters);

const ofType = (events: EventEnvelope[], type: string, pathId?: string) =>
  events.filter(
    (event) => event.type === type && (pathId === undefined || event.pathId === pathId),
  );

it('should agree a plan with four parties, revise it and read its history back', async () => {
  const pathId = await plannablePath();
  // Social services is no party to the path before the plan names it.
  expect((await api('GET', `/paths/${pathId}/activation-plan`, 'sanna.sosiaalityo')).status).toBe(
    404,
  );

  const agreed = await agreedPlan(pathId, addCalendarDays(today(), 180));
  expect(agreed.headers.get('etag')).toBe('"1"');
  expect(agreed.body).toMatchObject({ version: 1, clientAgreed: true, parties: PLAN.parties });

  // The plan makes social services a party by law; it revises the plan as a colleague would.
  const seen = await whenStatus(`/paths/${pathId}/activation-plan`, 'sanna.sosiaalityo', 200);
  const goalId = (seen.body as { goals: { goalId: string }[] }).goals[0].goalId;
  const revised = await api(
    'PUT',
    `/paths/${pathId}/activation-plan`,
    'sanna.sosiaalityo',
    {
      ...PLAN,
      reviewDate: addCalendarDays(today(), 120),
      linkedPlans: [
        ...PLAN.linkedPlans,
        { kind: 'TYP_MULTISECTORAL_PLAN', reference: 'TYP-2026-0412', heldByOrgId: org.typ.id },
      ],
      goals: [
        { ...PLAN.goals[0], goalId },
        { text: 'Selvitän velkajärjestelyn talous- ja velkaneuvonnassa.' },
      ],
      reasonCategory: 'CLIENT_SITUATION_CHANGED',
      note: 'Velkatilanne selvitetään ennen työkokeilua.',
    },
    { 'if-match': '"1"' },
  );
  expect(revised.status).toBe(200);
  expect(revised.headers.get('etag')).toBe('"2"');

  // A colleague's stale write is refused, never silently overwritten.
  const stale = await api(
    'PUT',
    `/paths/${pathId}/activation-plan`,
    'tiina.tyollisyys',
    { ...PLAN, reasonCategory: 'OTHER' },
    { 'if-match': '"1"' },
  );
  expect(stale.status).toBe(412);

  // The provider reads the history on the client's consent.
  const history = await api('GET', `/paths/${pathId}/activation-plan/history`, 'ville.tyonsilta');
  expect(history.status).toBe(200);
  const versions = (history.body as { items: Record<string, unknown>[] }).items;
  expect(versions).toHaveLength(2);
  expect(versions[0]).toMatchObject({
    version: 1,
    changedBy: { orgId: org.employmentArea.id },
  });
  expect(versions[1]).toMatchObject({
    version: 2,
    changedBy: { orgId: org.socialServices.id },
    reasonCategory: 'CLIENT_SITUATION_CHANGED',
    note: 'Velkatilanne selvitetään ennen työkokeilua.',
    changed: expect.arrayContaining(['GOALS', 'LINKED_PLANS', 'REVIEW_DATE']),
  });
  const diffText = (versions[1].diff as { text: string }[]).map((line) => line.text).join('\n');
  expect(diffText).toContain('TYP-2026-0412');
  expect(diffText).toContain('Selvitän velkajärjestelyn talous- ja velkaneuvonnassa.');
  expect(diffText).toContain(addCalendarDays(today(), 120));

  // Organisations outside the plan and managers see nothing of it.
  expect((await api('GET', `/paths/${pathId}/activation-plan`, 'kaisa.kumppaniksi')).status).toBe(
    404,
  );
  expect((await api('GET', `/paths/${pathId}/activation-plan`, 'marja.johtaja')).status).toBe(404);

  const events = await waitFor(
    async () => {
      const all = await streamEvents(system.env);
      return ofType(all, 'ActivationPlanRevised', pathId).length === 1 ? all : undefined;
    },
    { timeoutMs: 20_000, description: 'the plan events in the stream' },
  );
  expect(ofType(events, 'ActivationPlanAgreed', pathId)).toHaveLength(1);
  expect(ofType(events, 'GoalSet', pathId)).toHaveLength(2);
});

let sharedPathId: string | undefined;

/** An accepted path with an agreed plan, for the measure tests. */
async function planPath(): Promise<string> {
  const pathId = await plannablePath();
  await agreedPlan(pathId, addCalendarDays(today(), 180));
  await whenStatus(`/paths/${pathId}/activation-plan`, 'ville.tyonsilta', 200);
  return pathId;
}

const SCHEDULE = {
  daysPerWeek: 3,
  hoursPerDay: 6,
  startDate: '2027-01-11',
  plannedEndDate: '2027-07-10',
};

describe('what the path’s state forbids (docs/path-rules.md)', () => {
  /** Asks until activation-plans' own access projection knows the path (404 until then). */
  const onceKnown = (ask: () => Promise<Answer>) =>
    waitFor(
      async () => {
        const answer = await ask();
        return answer.status === 404 ? undefined : answer;
      },
      { timeoutMs: 20_000, description: 'activation-plans to learn the path' },
    );

  it('should refuse a plan and a measure on a path still in intake with 409 naming INTAKE, writing nothing', async () => {
    const pathId = await acceptedPath();

    const plan = await onceKnown(() =>
      api('POST', `/paths/${pathId}/activation-plan`, 'tiina.tyollisyys', {
        ...PLAN,
        reviewDate: addCalendarDays(today(), 180),
      }),
    );
    const measure = await api('POST', `/paths/${pathId}/measures`, 'ville.tyonsilta', {
      measureType: 'REHABILITATIVE_WORK_ACTIVITY',
      placement: { kind: 'IN_HOUSE' },
      schedule: SCHEDULE,
    });

    for (const refused of [plan, measure]) {
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        type: 'urn:polku:problem:path-state-conflict',
        pathState: 'INTAKE',
        detail: expect.stringContaining('complete the intake first'),
      });
    }
    expect((await api('GET', `/paths/${pathId}/activation-plan`, 'tiina.tyollisyys')).status).toBe(
      404,
    );
    expect(
      await plansQuery(
        `SELECT (SELECT count(*) FROM activation_plan WHERE path_id = $1)::int AS plans,
                (SELECT count(*) FROM measure WHERE path_id = $1)::int AS measures,
                (SELECT count(*) FROM outbox_message WHERE payload->>'pathId' = $1::text)::int
                  AS events`,
        [pathId],
      ),
    ).toEqual([{ plans: 0, measures: 0, events: 0 }]);
  });
});

it.each([
  ['KTT_PERIOD_MIN', 'schedule.plannedEndDate', { plannedEndDate: '2027-03-10' }],
  ['KTT_PERIOD_MAX', 'schedule.plannedEndDate', { plannedEndDate: '2029-01-11' }],
  ['KTT_DAYS_PER_WEEK_MIN', 'schedule.daysPerWeek', { daysPerWeek: 1 }],
  ['KTT_DAYS_PER_WEEK_MAX', 'schedule.daysPerWeek', { daysPerWeek: 5 }],
  ['KTT_HOURS_PER_DAY_MIN', 'schedule.hoursPerDay', { hoursPerDay: 3.5 }],
])(
  'should refuse a rehabilitative work activity schedule that breaks %s, naming the rule and its law',
  async (rule, field, change) => {
    const pathId = sharedPathId ?? (sharedPathId = await planPath());

    const answer = await api('POST', `/paths/${pathId}/measures`, 'ville.tyonsilta', {
      measureType: 'REHABILITATIVE_WORK_ACTIVITY',
      placement: { kind: 'IN_HOUSE' },
      schedule: { ...SCHEDULE, ...change },
    });

    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({
      type: 'urn:polku:problem:rule-violated',
      errors: [{ rule, field, legalSource: 'Act 189/2001 as amended by Act 142/2015' }],
    });
    const measures = await api('GET', `/paths/${pathId}/measures`, 'ville.tyonsilta');
    expect(measures.body.items).toEqual([]);
  },
);

it('should emit MeasurePaused and MeasureResumed when a measure is paused and resumed', async () => {
  const pathId = await planPath();
  const started = await api('POST', `/paths/${pathId}/measures`, 'ville.tyonsilta', {
    measureType: 'REHABILITATIVE_WORK_ACTIVITY',
    placement: { kind: 'IN_HOUSE' },
    schedule: SCHEDULE,
  });
  expect(started.status).toBe(201);
  expect(started.headers.get('etag')).toBe('"1"');
  const { measureId } = started.body as { measureId: string };
  const measure = `/paths/${pathId}/measures/${measureId}`;

  const paused = await api(
    'POST',
    `${measure}/pause`,
    'ville.tyonsilta',
    { reasonCategory: 'SICK_LEAVE', expectedResume: '2027-03-01' },
    { 'if-match': '"1"' },
  );
  expect(paused.status).toBe(200);
  expect(paused.headers.get('etag')).toBe('"2"');
  expect(
    (
      await api(
        'POST',
        `${measure}/pause`,
        'ville.tyonsilta',
        { reasonCategory: 'WAITING' },
        { 'if-match': '"2"' },
      )
    ).status,
  ).toBe(409);
  // Social services sees the plan by law, but not the health flag a pause reveals.
  expect(
    (await api('POST', `${measure}/resume`, 'sanna.sosiaalityo', undefined, { 'if-match': '"2"' }))
      .status,
  ).toBe(404);
  const resumed = await api('POST', `${measure}/resume`, 'ville.tyonsilta', undefined, {
    'if-match': '"2"',
  });
  expect(resumed.status).toBe(200);
  expect(resumed.headers.get('etag')).toBe('"3"');

  const events = await waitFor(
    async () => {
      const all = await streamEvents(system.env);
      return ofType(all, 'MeasureResumed', pathId).length === 1 ? all : undefined;
    },
    { timeoutMs: 20_000, description: 'MeasureResumed in the stream' },
  );
  expect(ofType(events, 'MeasurePaused', pathId)).toEqual([
    expect.objectContaining({
      dataClass: 'HEALTH_FLAG',
      data: expect.objectContaining({
        measureId,
        reasonCategory: 'SICK_LEAVE',
        expectedResume: '2027-03-01',
      }),
    }),
  ]);
  expect(ofType(events, 'MeasureResumed', pathId)).toEqual([
    expect.objectContaining({ data: expect.objectContaining({ measureId }) }),
  ]);
  const list = await api('GET', `/paths/${pathId}/measures`, 'ville.tyonsilta');
  expect(list.body.items).toEqual([
    expect.objectContaining({ measureId, status: 'ACTIVE', version: 3 }),
  ]);
});

describe('a measure or statement changed only at the version read (If-Match)', () => {
  async function measureAndStatement() {
    const pathId = await planPath();
    const started = await api('POST', `/paths/${pathId}/measures`, 'ville.tyonsilta', {
      measureType: 'REHABILITATIVE_WORK_ACTIVITY',
      placement: { kind: 'IN_HOUSE' },
      schedule: SCHEDULE,
    });
    const requested = await api('POST', `/paths/${pathId}/statements`, 'tiina.tyollisyys', {
      kind: 'STATEMENT',
    });
    expect([started.status, requested.status]).toEqual([201, 201]);
    expect(requested.headers.get('etag')).toBe('"1"');
    const { measureId } = started.body as { measureId: string };
    const { statementId } = requested.body as { statementId: string };
    return { pathId, measureId, statementId };
  }

  const changes = [
    ['a pause', (m: string) => `/measures/${m}/pause`, { reasonCategory: 'SICK_LEAVE' }],
    ['a resume', (m: string) => `/measures/${m}/resume`, undefined],
    ['an end', (m: string) => `/measures/${m}/end`, { endDate: '2027-02-01', endReason: 'OTHER' }],
    ['an issue', (_m: string, s: string) => `/statements/${s}/issue`, undefined],
  ] as const;

  it.each(changes)(
    'should answer 428 to %s without If-Match and 412 to one at a stale version, changing nothing',
    async (_name, url, body) => {
      const { pathId, measureId, statementId } = await measureAndStatement();
      const target = `/paths/${pathId}${url(measureId, statementId)}`;

      const missing = await api('POST', target, 'ville.tyonsilta', body);
      const stale = await api('POST', target, 'ville.tyonsilta', body, { 'if-match': '"7"' });

      expect(missing.status).toBe(428);
      expect(missing.body).toMatchObject({ type: 'urn:polku:problem:precondition-required' });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ type: 'urn:polku:problem:precondition-failed' });
      const measures = await api('GET', `/paths/${pathId}/measures`, 'ville.tyonsilta');
      expect(measures.body.items).toEqual([
        expect.objectContaining({ measureId, status: 'ACTIVE', version: 1, pauses: [] }),
      ]);
      const statements = await api('GET', `/paths/${pathId}/statements`, 'ville.tyonsilta');
      expect(statements.body.items).toEqual([
        expect.objectContaining({ statementId, issuedAt: null, version: 1 }),
      ]);
    },
  );
});

it('should raise PlanReviewDue exactly once per plan when activation-plans is killed and restarted around the due time', async () => {
  // Plans whose review date is today: their timers are due the moment they are agreed. The
  // service is killed twice: once right after the last agreement (timers due, most not yet
  // fired) and once a poll interval later (some fired, some being fired).
  const planIds: string[] = [];
  for (const killAfterMs of [0, TIMER_POLL_INTERVAL_MS]) {
    for (let index = 0; index < 4; index += 1) {
      const pathId = await plannablePath();
      const agreed = await agreedPlan(pathId, today());
      planIds.push((agreed.body as { planId: string }).planId);
    }
    // Deliberate: when the kill lands relative to the timers' polls is what the test varies.
    await new Promise((resolve) => setTimeout(resolve, killAfterMs));
    await system.kill('activation-plans');
    system.start('activation-plans');
    await system.waitUntilUp(['activation-plans']);
  }

  const due = await waitFor(
    async () => {
      const events = ofType(await streamEvents(system.env), 'PlanReviewDue').filter((event) =>
        planIds.includes((event.data as { planId: string }).planId),
      );
      return new Set(events.map((event) => (event.data as { planId: string }).planId)).size ===
        planIds.length
        ? events
        : undefined;
    },
    { timeoutMs: 30_000, description: 'PlanReviewDue for every plan' },
  );
  // A deliberate window, not a wait for a condition: three more polls, so a timer that fired
  // twice would show by now.
  await new Promise((resolve) => setTimeout(resolve, 3 * TIMER_POLL_INTERVAL_MS));
  const again = ofType(await streamEvents(system.env), 'PlanReviewDue').filter((event) =>
    planIds.includes((event.data as { planId: string }).planId),
  );
  expect(again).toHaveLength(planIds.length);
  expect(due.map((event) => (event.data as { dueDate: string }).dueDate)).toEqual(
    planIds.map(() => today()),
  );
  const outbox = await plansQuery<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox_message WHERE payload->>'type' = 'PlanReviewDue'`,
  );
  expect(outbox[0].n).toBe(planIds.length);
  expect(system.exits.filter((exit) => exit.service === 'activation-plans')).toHaveLength(2);
});
