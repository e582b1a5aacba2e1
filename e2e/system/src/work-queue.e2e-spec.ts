import { DEMO_ORGANISATIONS, DEMO_USERS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import { gatewayClient } from './support/gateway-client';
import { uniqueIdentityCode } from './support/openapi-operation-fixtures';
import { serviceQuery } from './support/service-database';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';
import { INTAKE_BODY, pathSeeder } from './support/seed-paths';

// Issue 18: every signal of a path lands once in the right person's work queue and leaves it
// when acted on — through the real gateway and every service, as caseworkers, team leads and
// managers of three organisations use them. A = the employment area (refers), B = Työnsilta
// (accepts, plans, runs the measure, hands off), C = Kumppaniksi (receives the hand-off).
// Time does not pass in a test: a "clock jump" moves a transitions timer's due time to now and
// the real poller fires it, as transitions.e2e-spec.ts does.
const org = DEMO_ORGANISATIONS;
const SERVICES = [
  'gateway',
  'client-intake',
  'activation-plans',
  'transitions',
  'network-meetings',
  'work-queue',
] as const;

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);
const { acceptedPath, agreePlan, whenStatus } = pathSeeder(api, 'Tyojono');

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES, { TIMER_POLL_INTERVAL_MS: '300' });
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

interface Item {
  readonly itemId: string;
  readonly kind: string;
  readonly pathId: string;
  readonly subjectId?: string;
  readonly nextStep?: string;
  readonly level?: string;
  readonly lost: boolean;
  readonly unread: boolean;
  readonly recipient: { orgId: string; workerId?: string; role?: string };
}

const today = () => finnishDateOf(new Date());
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const userIdOf = (username: string) =>
  DEMO_USERS.find((user) => user.username === username)?.userId as string;

/** The items of one path in a user's queue of a scope (one page: a path has few). */
async function queueOf(as: string, pathId: string, scope = 'MINE', extra = ''): Promise<Item[]> {
  const answer = await api(
    'GET',
    `/work-queue?scope=${scope}&pathId=${pathId}&limit=100${extra}`,
    as,
  );
  expect(answer.status).toBe(200);
  return answer.body.items as Item[];
}

/** Waits until the path's items in the queue satisfy `ready`, then answers them. */
function whenQueue(
  as: string,
  pathId: string,
  ready: (items: Item[]) => boolean,
  { scope = 'MINE', what }: { scope?: string; what: string },
): Promise<Item[]> {
  return waitFor(
    async () => {
      const items = await queueOf(as, pathId, scope);
      return ready(items) ? items : undefined;
    },
    { timeoutMs: 30_000, description: `${as}’s ${scope} queue: ${what}` },
  );
}

const ofKind = (items: Item[], kind: string) => items.filter((item) => item.kind === kind);
const has = (kind: string) => (items: Item[]) => ofKind(items, kind).length > 0;
const hasNo = (kind: string) => (items: Item[]) => ofKind(items, kind).length === 0;

/** If-Match with the path's ETag as `as` reads it now. */
async function ifMatch(pathId: string, as: string): Promise<Record<string, string>> {
  const read = await whenStatus(`/paths/${pathId}`, as, 200);
  return { 'if-match': read.headers.get('etag') ?? '' };
}

/** The clock jump: the path's next live timer whose key starts so is due now. */
async function makeDue(keyPrefix: string, pathId: string): Promise<number> {
  const rows = await serviceQuery<{ key: string }>(
    system.env,
    'transitions',
    `UPDATE timer SET due_at = now() - interval '1 second'
      WHERE id = (SELECT id FROM timer WHERE status = 'SCHEDULED' AND key LIKE $1
                   ORDER BY due_at LIMIT 1)
      RETURNING key`,
    [`${keyPrefix}:${pathId}:%`],
  );
  return rows.length;
}

const TO_KUMPPANIKSI = () => ({
  destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
  receivingOrgId: org.kumppaniksi.id,
  proposedDate: addCalendarDays(today(), 30),
  rationaleCategory: 'NEXT_MEASURE_IN_PLAN',
  proposedBy: 'WORKER',
});

/** B proposes C as the next step; answers the hand-off's id once C's caseworker sees the path. */
async function proposeHandoff(pathId: string): Promise<string> {
  const handoffId = await waitFor(
    async () => {
      const proposed = await api(
        'POST',
        `/paths/${pathId}/hand-offs`,
        'ville.tyonsilta',
        TO_KUMPPANIKSI(),
      );
      return proposed.status === 201
        ? (proposed.body as { pendingHandoff: { handoffId: string } }).pendingHandoff.handoffId
        : undefined;
    },
    { timeoutMs: 20_000, description: `a hand-off proposed on ${pathId}` },
  );
  await whenStatus(`/paths/${pathId}`, 'kaisa.kumppaniksi', 200);
  return handoffId;
}

it('should put each signal of a path once in the right person’s queue and take it away when acted on, from the referral to the hand-off', async () => {
  // A refers the client to B: B's caseworkers are to answer, A's worker holds the path.
  const referral = await api('POST', '/referrals', 'tiina.tyollisyys', {
    client: {
      personalIdentityCode: uniqueIdentityCode(),
      givenNames: 'Polku',
      familyName: 'Tyojono',
      language: 'fi',
      addressProtected: false,
    },
    toOrgId: org.tyonsilta.id,
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
    desiredStart: addCalendarDays(today(), 30),
    consent: {
      orgIds: [org.tyonsilta.id, org.kumppaniksi.id],
      dataClasses: ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG'],
      howGiven: 'WRITTEN',
      purpose: 'REFERRAL',
    },
  });
  expect(referral.status).toBe(201);
  const { pathId, referralId } = referral.body as { pathId: string; referralId: string };

  const toAnswer = await whenQueue('ville.tyonsilta', pathId, has('REFERRAL_ANSWER'), {
    what: 'the referral to answer',
  });
  expect(ofKind(toAnswer, 'REFERRAL_ANSWER')).toEqual([
    expect.objectContaining({
      subjectId: referralId,
      unread: true,
      recipient: expect.objectContaining({ orgId: org.tyonsilta.id }),
    }),
  ]);
  const held = await whenQueue('tiina.tyollisyys', pathId, has('PATH_STEP'), {
    what: 'the referred path',
  });
  expect(ofKind(held, 'PATH_STEP')).toHaveLength(1);
  expect(ofKind(held, 'REFERRAL_ANSWER')).toEqual([]);
  // C is not a party yet: nothing of the path reaches it.
  expect(await queueOf('kaisa.kumppaniksi', pathId)).toEqual([]);

  // B accepts: its answer item goes, the path step moves to B's worker.
  await whenStatus(`/paths/${pathId}/referrals`, 'ville.tyonsilta', 200);
  const accepted = await api(
    'POST',
    `/paths/${pathId}/referrals/${referralId}/acceptance`,
    'ville.tyonsilta',
    { expectedStart: addCalendarDays(today(), 14) },
    { 'if-match': '"1"' },
  );
  expect(accepted.status).toBe(200);
  const afterAcceptance = await whenQueue(
    'ville.tyonsilta',
    pathId,
    (items) => hasNo('REFERRAL_ANSWER')(items) && has('PATH_STEP')(items),
    { what: 'the referral answered, the path step his' },
  );
  expect(ofKind(afterAcceptance, 'PATH_STEP')).toEqual([
    expect.objectContaining({ nextStep: 'COMPLETE_INTAKE' }),
  ]);
  await whenQueue('tiina.tyollisyys', pathId, hasNo('PATH_STEP'), { what: 'the path gone' });

  // Intake, plan and measure: one path step, updated in place with each next step.
  const stepIs = (nextStep: string) => (items: Item[]) =>
    ofKind(items, 'PATH_STEP').length === 1 && ofKind(items, 'PATH_STEP')[0].nextStep === nextStep;
  const intake = await api('POST', `/paths/${pathId}/intake`, 'ville.tyonsilta', INTAKE_BODY);
  expect(intake.status).toBe(201);
  await whenQueue('ville.tyonsilta', pathId, stepIs('AGREE_PLAN'), { what: 'plan next' });
  const plan = await agreePlan(pathId, 'ville.tyonsilta', {
    parties: [
      { orgId: org.employmentArea.id, role: 'EMPLOYMENT_AUTHORITY' },
      { orgId: org.tyonsilta.id, role: 'PROVIDER' },
    ],
    clientAgreed: true,
    linkedPlans: [{ kind: 'EMPLOYMENT_PLAN', reference: 'TS-2026-118' }],
    goals: [{ text: 'Aloitan työtoiminnan.' }],
  });
  expect(plan.status).toBe(201);
  await whenQueue('ville.tyonsilta', pathId, stepIs('START_MEASURE'), { what: 'measure next' });
  const measure = await api('POST', `/paths/${pathId}/measures`, 'ville.tyonsilta', {
    measureType: 'REHABILITATIVE_WORK_ACTIVITY',
    placement: { kind: 'IN_HOUSE' },
    schedule: {
      daysPerWeek: 3,
      hoursPerDay: 6,
      startDate: today(),
      plannedEndDate: addCalendarDays(today(), 182),
    },
  });
  expect(measure.status).toBe(201);
  const running = await whenQueue(
    'ville.tyonsilta',
    pathId,
    (items) => ofKind(items, 'PATH_STEP')[0]?.nextStep !== 'START_MEASURE',
    { what: 'the measure running' },
  );
  expect(ofKind(running, 'PATH_STEP')).toHaveLength(1);

  // A meeting agrees a next step for Ville: his, until he completes it.
  const scheduled = await api('POST', `/paths/${pathId}/meetings`, 'ville.tyonsilta', {
    kind: 'PROGRESS_MEETING',
    convenor: 'ORGANISATION',
    invitees: [{ orgId: org.tyonsilta.id, roles: ['WORK_COACH'] }],
    startsAt: hoursFromNow(-2),
    endsAt: hoursFromNow(1),
    venue: 'REMOTE',
  });
  expect(scheduled.status).toBe(201);
  const recorded = await api(
    'POST',
    `/paths/${pathId}/meetings/${scheduled.body.meetingId as string}/record`,
    'ville.tyonsilta',
    {
      heldAt: hoursFromNow(-2),
      endedAt: hoursFromNow(-1),
      participants: [{ orgId: org.tyonsilta.id, roles: ['WORK_COACH'] }],
      clientPresent: true,
      decisions: [{ kind: 'PLAN_CHANGE' }],
      agreedNextSteps: [
        {
          description: 'Soita työkokeilupaikkaan',
          ownerOrgId: org.tyonsilta.id,
          ownerWorkerId: userIdOf('ville.tyonsilta'),
          dueDate: addCalendarDays(today(), 7),
        },
      ],
    },
    { 'if-match': '"1"' },
  );
  expect(recorded.status).toBe(200);
  const agreed = await whenQueue('ville.tyonsilta', pathId, has('AGREED_STEP'), {
    what: 'the agreed next step',
  });
  expect(ofKind(agreed, 'AGREED_STEP')).toEqual([
    expect.objectContaining({
      recipient: expect.objectContaining({ workerId: userIdOf('ville.tyonsilta') }),
    }),
  ]);
  // Only its owner: not another caseworker of A, not C.
  expect(ofKind(await queueOf('tiina.tyollisyys', pathId), 'AGREED_STEP')).toEqual([]);
  const steps = await whenStatus(`/paths/${pathId}/agreed-steps`, 'ville.tyonsilta', 200);
  const [step] = steps.body.items as { actionItemId: string; version: number }[];
  const completed = await api(
    'POST',
    `/paths/${pathId}/agreed-steps/${step.actionItemId}/completion`,
    'ville.tyonsilta',
    undefined,
    { 'if-match': `"${step.version}"` },
  );
  expect(completed.status).toBe(200);
  await whenQueue('ville.tyonsilta', pathId, hasNo('AGREED_STEP'), { what: 'the step done' });

  // Read: marked once, the item stays read.
  const [pathStep] = ofKind(await queueOf('ville.tyonsilta', pathId), 'PATH_STEP');
  expect(pathStep.unread).toBe(true);
  const read = await api('POST', '/work-queue/read', 'ville.tyonsilta', {
    itemIds: [pathStep.itemId],
  });
  expect(`${read.status} ${JSON.stringify(read.body)}`).toBe('204 null');
  expect(ofKind(await queueOf('ville.tyonsilta', pathId), 'PATH_STEP')).toEqual([
    expect.objectContaining({ itemId: pathStep.itemId, unread: false }),
  ]);
  expect(await queueOf('ville.tyonsilta', pathId, 'MINE', '&unread=true')).not.toContainEqual(
    expect.objectContaining({ itemId: pathStep.itemId }),
  );
  // An item of another organisation cannot be marked, nor learnt of.
  const foreign = await api('POST', '/work-queue/read', 'kaisa.kumppaniksi', {
    itemIds: [pathStep.itemId],
  });
  expect(foreign.status).toBe(404);

  // B hands off to C: C's caseworker is to answer; accepting clears it.
  const handoffId = await proposeHandoff(pathId);
  const offered = await whenQueue('kaisa.kumppaniksi', pathId, has('HANDOFF_ANSWER'), {
    what: 'the hand-off to answer',
  });
  expect(ofKind(offered, 'HANDOFF_ANSWER')).toEqual([
    expect.objectContaining({ subjectId: handoffId }),
  ]);
  expect(ofKind(await queueOf('ville.tyonsilta', pathId), 'HANDOFF_ANSWER')).toEqual([]);
  const answered = await api(
    'POST',
    `/paths/${pathId}/hand-offs/${handoffId}/acceptance`,
    'kaisa.kumppaniksi',
    { startDate: TO_KUMPPANIKSI().proposedDate },
    await ifMatch(pathId, 'kaisa.kumppaniksi'),
  );
  expect(answered.status).toBe(200);
  await whenQueue('kaisa.kumppaniksi', pathId, hasNo('HANDOFF_ANSWER'), { what: 'answered' });

  // The caseload: the path with its plans and the organisations the client has met.
  const caseload = await waitFor(
    async () => {
      const answer = await api('GET', `/caseload/${pathId}`, 'ville.tyonsilta');
      return answer.status === 200 && answer.body.organisationsCount >= 3 ? answer : undefined;
    },
    { timeoutMs: 30_000, description: `the caseload of ${pathId} with three organisations` },
  );
  expect(caseload.body).toMatchObject({
    pathId,
    accountableOrgId: org.tyonsilta.id,
    workerId: userIdOf('ville.tyonsilta'),
    measureType: 'REHABILITATIVE_WORK_ACTIVITY',
    plansCount: 2,
    organisationsCount: 3,
  });
  for (const [as, scope] of [
    ['ville.tyonsilta', 'MINE'],
    ['terhi.tyonsilta', 'ORGANISATION'],
  ] as const) {
    const page = await api('GET', `/caseload?scope=${scope}&limit=100`, as);
    expect(page.status).toBe(200);
    expect(page.body.items).toContainEqual(expect.objectContaining({ pathId, plansCount: 2 }));
  }
  // A caseworker has no organisation's caseload; A's team lead's holds none of B's paths.
  expect((await api('GET', '/caseload?scope=ORGANISATION', 'ville.tyonsilta')).status).toBe(403);
  const elsewhere = await api('GET', '/caseload?scope=ORGANISATION&limit=100', 'pekka.esihenkilo');
  expect(elsewhere.body.items).not.toContainEqual(expect.objectContaining({ pathId }));
  // Another organisation's caseload never holds it.
  expect((await api('GET', `/caseload/${pathId}`, 'tiina.tyollisyys')).status).toBe(404);
});

it('should bring an unanswered hand-off’s escalation to the team lead’s queue exactly once, to the manager’s as lost, and to no other organisation', async () => {
  const pathId = await acceptedPath({ alsoFor: [org.kumppaniksi.id] });
  await whenQueue('ville.tyonsilta', pathId, has('PATH_STEP'), { what: 'the accepted path' });
  await proposeHandoff(pathId);
  await whenQueue('kaisa.kumppaniksi', pathId, has('HANDOFF_ANSWER'), { what: 'to answer' });

  const escalationsAt = (level: string) => (items: Item[]) =>
    ofKind(items, 'ESCALATION').filter((item) => item.level === level);
  expect(await makeDue('handoff-answer', pathId)).toBe(1);
  await whenQueue('ville.tyonsilta', pathId, (items) => escalationsAt('WORKER')(items).length > 0, {
    what: 'the escalation to the worker',
  });
  expect(await makeDue('handoff-answer', pathId)).toBe(1);
  const team = await whenQueue(
    'terhi.tyonsilta',
    pathId,
    (items) => escalationsAt('TEAM_LEAD')(items).length > 0,
    { scope: 'TEAM', what: 'the escalation to the team lead' },
  );
  expect(escalationsAt('TEAM_LEAD')(team)).toEqual([
    expect.objectContaining({
      recipient: expect.objectContaining({ orgId: org.tyonsilta.id, role: 'TEAM_LEAD' }),
      lost: false,
    }),
  ]);
  // The team's queue holds the worker's items too; a caseworker has no team queue.
  expect(has('PATH_STEP')(team)).toBe(true);
  expect((await api('GET', '/work-queue?scope=TEAM', 'ville.tyonsilta')).status).toBe(403);
  expect(escalationsAt('TEAM_LEAD')(await queueOf('ville.tyonsilta', pathId))).toEqual([]);

  expect(await makeDue('handoff-answer', pathId)).toBe(1);
  const managed = await whenQueue(
    'mikko.tyonsilta',
    pathId,
    (items) => escalationsAt('MANAGER')(items).length > 0,
    { scope: 'ORGANISATION', what: 'the escalation to the manager' },
  );
  expect(escalationsAt('MANAGER')(managed)).toEqual([expect.objectContaining({ lost: true })]);
  // Still once at the team lead's, however many rungs fired after it.
  expect(escalationsAt('TEAM_LEAD')(await queueOf('terhi.tyonsilta', pathId, 'TEAM'))).toHaveLength(
    1,
  );
  // A's team lead and manager, and C's caseworker, see none of B's escalations.
  for (const [as, scope] of [
    ['pekka.esihenkilo', 'TEAM'],
    ['marja.johtaja', 'ORGANISATION'],
    ['kaisa.kumppaniksi', 'MINE'],
  ] as const) {
    const items = await queueOf(as, pathId, scope);
    expect(items.filter((item) => item.recipient.orgId === org.tyonsilta.id)).toEqual([]);
  }

  // C answers: every rung of the escalation and its answer item go.
  const [offer] = ofKind(await queueOf('kaisa.kumppaniksi', pathId), 'HANDOFF_ANSWER');
  const declined = await api(
    'POST',
    `/paths/${pathId}/hand-offs/${offer.subjectId as string}/decline`,
    'kaisa.kumppaniksi',
    { reasonCategory: 'NO_CAPACITY', alternativeCategory: 'LATER_START' },
    await ifMatch(pathId, 'kaisa.kumppaniksi'),
  );
  expect(declined.status).toBe(200);
  await whenQueue('terhi.tyonsilta', pathId, hasNo('ESCALATION'), {
    scope: 'TEAM',
    what: 'the escalations cleared',
  });
  await whenQueue('mikko.tyonsilta', pathId, (items) => items.length === 0, {
    scope: 'ORGANISATION',
    what: 'nothing lost',
  });
  expect(await queueOf('kaisa.kumppaniksi', pathId)).toEqual([]);
});
