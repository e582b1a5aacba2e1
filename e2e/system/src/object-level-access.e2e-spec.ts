import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import { gatewayClient, type Answer } from './support/gateway-client';
import { serviceQuery } from './support/service-database';
import { pathSeeder } from './support/seed-paths';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 15, the authorisation matrix at object level (docs/auth.md "Object ids are checked
// against their path"): a caller allowed on one path names, in that path's URL, an object of
// another path. The gateway decides on the URL's path alone, so only the service that owns the
// object can refuse; it must answer 404, change nothing and leave the attempt in the audit trail.
const org = DEMO_ORGANISATIONS;
const SERVICES = [
  'gateway',
  'client-intake',
  'activation-plans',
  'transitions',
  'network-meetings',
] as const;
type Service = (typeof SERVICES)[number];

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);
const { acceptedPath, agreePlan, whenStatus } = pathSeeder(api, 'Objekti');
const today = () => finnishDateOf(new Date());

/** The objects of the other paths, by kind, and the paths the callers are allowed on. */
interface World {
  readonly paths: Record<'A' | 'C2' | 'D2', string>;
  readonly objects: Record<ObjectKind, string>;
}
type ObjectKind =
  | 'referral'
  | 'consent'
  | 'actionItem'
  | 'goal'
  | 'measure'
  | 'statement'
  | 'wait'
  | 'handoff'
  | 'followUp'
  | 'clientLink'
  | 'meeting'
  | 'nextStep';

/** One route with a child id: who tries it, on which of their own paths, with which object. */
interface ObjectCase {
  /**
   * A user allowed on both paths who may act on such an object (owner, recording organisation);
   * for a hand-off its sender, as the receiver sees a path only through the coverage naming it.
   */
  readonly as: string;
  readonly on: keyof World['paths'];
  readonly object: ObjectKind;
  readonly body?: Record<string, unknown>;
}

const CASES: Readonly<Record<string, ObjectCase>> = {
  'POST /paths/{pathId}/action-items/{actionItemId}/resolution': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'actionItem',
    body: { resolution: 'IN_ORDER' },
  },
  'POST /paths/{pathId}/agreed-steps/{actionItemId}/completion': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'nextStep',
    body: {},
  },
  'POST /paths/{pathId}/activation-plan/goals/{goalId}/progress': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'goal',
    body: { gasLevel: 0, assessedBy: 'CLIENT_WITH_WORKER' },
  },
  'POST /paths/{pathId}/consents/{consentId}/withdrawal': {
    as: 'tiina.tyollisyys',
    on: 'A',
    object: 'consent',
    body: {},
  },
  'POST /paths/{pathId}/follow-ups/{followUpId}/completion': {
    as: 'ville.tyonsilta',
    on: 'D2',
    object: 'followUp',
    body: {
      statusNow: 'SAME',
      contactMode: 'PHONE',
      helpGiven: ['NONE'],
      confirmsDestination: true,
    },
  },
  'POST /paths/{pathId}/hand-offs/{handoffId}/acceptance': {
    as: 'ville.tyonsilta',
    on: 'C2',
    object: 'handoff',
    body: { startDate: addCalendarDays(today(), 30) },
  },
  'POST /paths/{pathId}/hand-offs/{handoffId}/completion': {
    as: 'ville.tyonsilta',
    on: 'C2',
    object: 'handoff',
    body: {},
  },
  'POST /paths/{pathId}/hand-offs/{handoffId}/decline': {
    as: 'ville.tyonsilta',
    on: 'C2',
    object: 'handoff',
    body: { reasonCategory: 'NO_CAPACITY' },
  },
  'POST /paths/{pathId}/measures/{measureId}/absences': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'measure',
    body: { date: today(), reasonCategory: 'SICK' },
  },
  'POST /paths/{pathId}/measures/{measureId}/attendance': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'measure',
    body: { date: today(), status: 'PRESENT' },
  },
  'POST /paths/{pathId}/measures/{measureId}/end': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'measure',
    body: { endDate: today(), endReason: 'INTERRUPTED' },
  },
  'POST /paths/{pathId}/measures/{measureId}/pause': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'measure',
    body: { reasonCategory: 'WAITING' },
  },
  'POST /paths/{pathId}/measures/{measureId}/resume': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'measure',
  },
  'POST /paths/{pathId}/referrals/{referralId}/acceptance': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'referral',
    body: { expectedStart: addCalendarDays(today(), 7) },
  },
  'POST /paths/{pathId}/referrals/{referralId}/decline': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'referral',
    body: { reasonCategory: 'NO_CAPACITY' },
  },
  'GET /paths/{pathId}/referrals/{referralId}/prior-information': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'referral',
  },
  'POST /paths/{pathId}/client/links/{linkId}/removal': {
    as: 'tiina.tyollisyys',
    on: 'A',
    object: 'clientLink',
  },
  'GET /paths/{pathId}/meetings/{meetingId}': { as: 'ville.tyonsilta', on: 'A', object: 'meeting' },
  'POST /paths/{pathId}/meetings/{meetingId}/cancellation': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'meeting',
    body: { reason: 'OTHER' },
  },
  'POST /paths/{pathId}/meetings/{meetingId}/record': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'meeting',
    body: {
      heldAt: '2026-11-30T09:05:00.000Z',
      endedAt: '2026-11-30T10:20:00.000Z',
      participants: [{ orgId: org.tyonsilta.id, roles: ['INSTRUCTOR'] }],
      clientPresent: true,
      decisions: [],
    },
  },
  // The meeting is the object; the decision id after it names nothing on the caller's path.
  'POST /paths/{pathId}/meetings/{meetingId}/decisions/{decisionId}/link': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'meeting',
    body: { eventId: randomUUID() },
  },
  'POST /paths/{pathId}/statements/{statementId}/issue': {
    as: 'ville.tyonsilta',
    on: 'A',
    object: 'statement',
  },
  'POST /paths/{pathId}/waits/{waitId}/end': { as: 'ville.tyonsilta', on: 'A', object: 'wait' },
  'GET /paths/{pathId}/meetings/{meetingId}/view': {
    as: 'tiina.tyollisyys',
    on: 'A',
    object: 'meeting',
  },
  'GET /paths/{pathId}/meetings/{meetingId}/live': {
    as: 'tiina.tyollisyys',
    on: 'A',
    object: 'meeting',
  },
};

/**
 * Every operation of the API with a path and an object inside it, from the OpenAPI document the
 * gateway's route table generates (docs/openapi.json): a new one without a case fails the test.
 */
function childObjectRoutes(): string[] {
  const document = JSON.parse(
    readFileSync(resolve(__dirname, '../../../docs/openapi.json'), 'utf8'),
  ) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths)
    .flatMap(([url, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${url}`),
    )
    .filter((route) => /\{pathId\}.*\{[A-Za-z]+Id\}/.test(route))
    .map((route) => route.replace(' /api/v1', ' '))
    .sort();
}

/** Each table's content (the outbox by its row count: the relay marks rows as it sends them). */
async function fingerprint(service: Service): Promise<Record<string, string>> {
  const tables = await serviceQuery<{ name: string }>(
    system.env,
    service,
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const prints: Record<string, string> = {};
  for (const { name } of tables) {
    // The gateway writes its own audit and idempotency rows; what it holds of a path is access.
    if (service === 'gateway' && !name.startsWith('path_access')) {
      continue;
    }
    const sql =
      name === 'outbox_message'
        ? `SELECT count(*)::text AS print FROM "${name}"`
        : `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS print
             FROM "${name}" t`;
    const [{ print }] = await serviceQuery<{ print: string }>(system.env, service, sql);
    prints[name] = print;
  }
  return prints;
}

const everything = async () =>
  Object.fromEntries(
    await Promise.all(SERVICES.map(async (service) => [service, await fingerprint(service)])),
  );

let world: World;

/** The path as transitions sees it, once it has reached `state`. */
function whenCourse(pathId: string, state: string) {
  return waitFor(
    async () => {
      const answer = await api('GET', `/paths/${pathId}`, 'ville.tyonsilta');
      return answer.status === 200 && answer.body.state === state ? answer.body : undefined;
    },
    { timeoutMs: 20_000, description: `path ${pathId} in ${state}` },
  );
}

function created(answer: Answer, what: string): Answer {
  if (answer.status !== 200 && answer.status !== 201) {
    throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer;
}

/**
 * A link between an unverified client of the employment area and social services' client whose
 * permanent code it recorded (docs/identity.md), made on the unverified client's path; its id.
 */
async function clientLinkOnAPath(): Promise<string> {
  const code = '030395-245S';
  const referral = (as: string, client: object) =>
    api('POST', '/referrals', as, {
      client: {
        givenNames: 'Polku',
        familyName: 'Linkki',
        language: 'fi',
        addressProtected: false,
        ...client,
      },
      toOrgId: org.tyonsilta.id,
      requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
      reasonCategory: 'LANGUAGE_AND_INTEGRATION',
      fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
      desiredStart: addCalendarDays(today(), 14),
    });
  created(await referral('sanna.sosiaalityo', { personalIdentityCode: code }), 'holder');
  const unverified = created(
    await referral('tiina.tyollisyys', { birthDate: '1995-03-03' }),
    'unverified referral',
  );
  const pathId = unverified.body.pathId as string;
  await whenStatus(`/paths/${pathId}/client`, 'tiina.tyollisyys', 200);
  const recorded = created(
    await api(
      'POST',
      `/paths/${pathId}/client/identity-code`,
      'tiina.tyollisyys',
      { personalIdentityCode: code },
      { 'if-match': '"1"' },
    ),
    'identity code',
  );
  const linked = created(
    await api(
      'POST',
      `/paths/${pathId}/client/links`,
      'tiina.tyollisyys',
      { duplicateRef: recorded.body.possibleDuplicates[0].duplicateRef },
      { 'if-match': '"2"' },
    ),
    'link',
  );
  return linked.body.linkId as string;
}

/** A path with a pending hand-off from Työnsilta to Kumppaniksi; its hand-off id. */
async function pathWithHandoff(): Promise<{ pathId: string; handoffId: string }> {
  const pathId = await acceptedPath();
  await whenCourse(pathId, 'INTAKE');
  const proposed = created(
    await api('POST', `/paths/${pathId}/hand-offs`, 'ville.tyonsilta', {
      destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
      receivingOrgId: org.kumppaniksi.id,
      proposedDate: addCalendarDays(today(), 30),
      rationaleCategory: 'NEXT_MEASURE_IN_PLAN',
      proposedBy: 'WORKER',
    }),
    'hand-off',
  );
  return { pathId, handoffId: proposed.body.pendingHandoff.handoffId as string };
}

/** A path Työnsilta exited to work, in follow-up; its first follow-up id. */
async function exitedPath(): Promise<{ pathId: string; followUpId: string }> {
  const pathId = await acceptedPath();
  const { version } = await whenCourse(pathId, 'INTAKE');
  created(
    await api(
      'POST',
      `/paths/${pathId}/exit`,
      'ville.tyonsilta',
      {
        destination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
        confirmed: false,
        exitDate: today(),
      },
      { 'if-match': `"${String(version)}"` },
    ),
    'exit',
  );
  const course = await whenCourse(pathId, 'FOLLOW_UP');
  return { pathId, followUpId: course.followUps[0].followUpId as string };
}

/** Path B: every kind of object activation-plans and client-intake keep, owned by Työnsilta. */
async function pathWithObjects() {
  const pathId = await acceptedPath({
    extra: {
      priorInformation: {
        summary: 'Työkokeilu kesken jääneen kurssin jälkeen.',
        workAdaptationNeeded: true,
      },
    },
  });
  const B = `/paths/${pathId}`;
  const referrals = await api('GET', `${B}/referrals`, 'ville.tyonsilta');
  const consents = await api('GET', `${B}/consents`, 'tiina.tyollisyys');
  await whenCourse(pathId, 'INTAKE');
  const intake = created(
    await api('POST', `${B}/intake`, 'ville.tyonsilta', {
      economicSituation: 'WEAK',
      healthFlag: false,
      housingSituation: 'OWN_HOME',
      relationships: 'NO_CONCERN',
      lifeManagement: 'NO_CONCERN',
      educationLevel: 'VOCATIONAL',
      educationCurrency: 'UP_TO_DATE',
      unemploymentDurationBand: 'DAYS_500_TO_999',
      ageBand: 'AGE_30_39',
      languageAndIntegrationNeeds: [],
      currentBenefits: [],
      basics: {
        housing: 'OPEN',
        benefits: 'IN_ORDER',
        permits: 'NOT_APPLICABLE',
        debts: 'IN_ORDER',
        treatment: 'IN_ORDER',
      },
      basicNeedIssues: [{ kind: 'HOUSING_ARREARS', ownerOrgId: org.tyonsilta.id }],
    }),
    'intake',
  );
  await whenCourse(pathId, 'PLANNING');
  created(
    await agreePlan(pathId, 'ville.tyonsilta', {
      parties: [{ orgId: org.employmentArea.id }, { orgId: org.tyonsilta.id }],
      clientAgreed: true,
      linkedPlans: [],
      goals: [{ text: 'Aloitan työtoiminnan.' }],
    }),
    'plan',
  );
  const plan = await whenStatus(`${B}/activation-plan`, 'ville.tyonsilta', 200);
  const measure = created(
    await api('POST', `${B}/measures`, 'ville.tyonsilta', {
      measureType: 'REHABILITATIVE_WORK_ACTIVITY',
      placement: { kind: 'IN_HOUSE' },
      schedule: {
        daysPerWeek: 3,
        hoursPerDay: 6,
        startDate: today(),
        plannedEndDate: addCalendarDays(today(), 182),
      },
    }),
    'measure',
  );
  const statement = created(
    await api('POST', `${B}/statements`, 'ville.tyonsilta', { kind: 'STATEMENT' }),
    'statement',
  );
  // Once network-meetings has the path's access facts (its lists answer 200).
  await whenStatus(`${B}/meetings`, 'ville.tyonsilta', 200);
  await whenStatus(`${B}/agreed-steps`, 'ville.tyonsilta', 200);
  const meeting = created(
    await api('POST', `${B}/meetings`, 'ville.tyonsilta', {
      kind: 'PROGRESS_MEETING',
      convenor: 'ORGANISATION',
      invitees: [{ orgId: org.tyonsilta.id, roles: ['INSTRUCTOR'] }],
      startsAt: '2026-11-30T09:00:00.000Z',
      endsAt: '2026-11-30T10:30:00.000Z',
      venue: 'REMOTE',
    }),
    'meeting',
  );
  const nextStep = created(
    await api('POST', `${B}/agreed-steps`, 'ville.tyonsilta', {
      description: 'Soita työkokeilupaikkaan',
      ownerOrgId: org.tyonsilta.id,
      ownerWorkerId: 'usr_7b1d4e08',
      dueDate: addCalendarDays(today(), 7),
    }),
    'next step',
  );
  await whenCourse(pathId, 'IN_MEASURE');
  const waiting = created(
    await api('POST', `${B}/waits`, 'ville.tyonsilta', { waitingFor: 'DEBT_COUNSELLING' }),
    'wait',
  );
  return {
    referral: referrals.body.items[0].referralId as string,
    consent: (consents.body.items as { consentId: string; kind: string }[]).filter(
      (record) => record.kind === 'GRANT',
    )[0].consentId,
    actionItem: intake.body.actionItems[0].actionItemId as string,
    goal: plan.body.goals[0].goalId as string,
    measure: measure.body.measureId as string,
    statement: statement.body.statementId as string,
    wait: waiting.body.waits[0].waitId as string,
    meeting: meeting.body.meetingId as string,
    nextStep: nextStep.body.actionItemId as string,
  };
}

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
  const inB = await pathWithObjects();
  const C1 = await pathWithHandoff();
  const C2 = await pathWithHandoff();
  const D1 = await exitedPath();
  const D2 = await exitedPath();
  const clientLink = await clientLinkOnAPath();
  const A = await acceptedPath();
  await whenCourse(A, 'INTAKE');
  world = {
    paths: { A, C2: C2.pathId, D2: D2.pathId },
    objects: { ...inB, handoff: C1.handoffId, followUp: D1.followUpId, clientLink },
  };
  // Every event of the seeding consumed: from here on only the attempts could change anything.
  let last = '';
  await waitFor(
    async () => {
      const now = JSON.stringify(await everything());
      const settled = now === last;
      last = now;
      return settled ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 1_500, description: 'the services to settle' },
  );
}, 400_000);

afterAll(async () => {
  await system?.stop();
});

describe('object ids are checked against their path', () => {
  it('should have a case for every route that names an object inside a path', () => {
    expect(Object.keys(CASES).sort()).toEqual(childObjectRoutes());
  });

  /** The attempt, as `as` on their own path `on`, and the audit rows it left. */
  async function attempt(route: string, attempt: ObjectCase) {
    const [method, template] = route.split(' ') as ['GET' | 'POST', string];
    const url = template
      .replace('{pathId}', world.paths[attempt.on])
      .replace(/\{[A-Za-z]+Id\}/, world.objects[attempt.object])
      // A further id (a meeting's decision) names nothing: the object before it is the attempt.
      .replace(/\{[A-Za-z]+Id\}/g, randomUUID());
    const correlationId = randomUUID();
    // The caller's own path's current version: a path command then fails on the object alone,
    // never on a stale version (a measure's or statement's version is checked after the id).
    const own = await api('GET', `/paths/${world.paths[attempt.on]}`, attempt.as);
    const ifMatch = own.status === 200 ? (own.headers.get('etag') ?? '"1"') : '"1"';
    const answer = await api(
      method,
      url,
      attempt.as,
      method === 'POST' ? (attempt.body ?? {}) : undefined,
      {
        'x-request-id': correlationId,
        ...(method === 'POST' ? { 'if-match': ifMatch } : {}),
      },
    );
    const audit = await serviceQuery<{ path_id: string; http_status: number; outcome: string }>(
      system.env,
      'gateway',
      'SELECT path_id, http_status, outcome FROM audit_record WHERE correlation_id = $1',
      [correlationId],
    );
    return { answer, audit };
  }

  // The caller could act on the object in its own path (owner, receiver, recording organisation).
  it.each(Object.entries(CASES))(
    '%s: an id of another path answers 404, changes nothing and is audited',
    async (route, objectCase) => {
      const before = await everything();
      const { answer, audit } = await attempt(route, objectCase);
      expect({ route, status: answer.status, body: answer.body }).toEqual({
        route,
        status: 404,
        body: expect.objectContaining({ status: 404 }),
      });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(answer.body)).not.toContain(world.objects[objectCase.object]);
      expect(await everything()).toEqual(before);
      expect(audit).toEqual([
        { path_id: world.paths[objectCase.on], http_status: 404, outcome: expect.any(String) },
      ]);
    },
  );

  // The same ids tried by an organisation that cannot see the object's path at all.
  it.each(Object.entries(CASES))(
    '%s: an id of a path the caller cannot see answers 404 and changes nothing',
    async (route, objectCase) => {
      const before = await everything();
      const { answer, audit } = await attempt(route, {
        ...objectCase,
        as: 'kaisa.kumppaniksi',
        on: 'C2',
      });
      expect({ route, status: answer.status }).toEqual({ route, status: 404 });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(await everything()).toEqual(before);
      expect(audit).toHaveLength(1);
    },
  );
});
