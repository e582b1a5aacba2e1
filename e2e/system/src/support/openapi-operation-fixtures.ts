import type { EventEnvelope } from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import type { ApiCall } from './gateway-client';
import { publishMeetingScheduled } from './published-meetings';
import { pathSeeder } from './seed-paths';

const org = DEMO_ORGANISATIONS;

/**
 * What an operation needs from the world besides what the document gives: values that name
 * things the test prepared. Each is still checked against the document's schema for it.
 */
export interface PreparedState {
  /** The path parameters, by name: ids of what was prepared. */
  readonly params?: Readonly<Record<string, string>>;
  /** The ETag of the version read just before, for an operation that needs If-Match. */
  readonly ifMatch?: string;
  /**
   * Body fields that must name prepared things (an organisation that exists, a goal of the
   * plan), by dotted path (`parties.0.orgId`); the rest of the body comes from the schema.
   */
  readonly references?: Readonly<Record<string, unknown>>;
}

/** How the request test calls one operation of the document. */
export interface OperationFixture {
  /** The demo user allowed to call it. */
  readonly as: string;
  /** Brings a path (or organisation) into a state where the operation makes sense. */
  readonly prepare?: (world: FixtureWorld) => Promise<PreparedState>;
  /**
   * Only where 2xx cannot be had: the status the domain answers and why. Never 400 or 422,
   * which would mean the document describes a request the gateway or a service refuses.
   */
  readonly answers?: { readonly status: number; readonly why: string };
}

/** The prepared-state helpers fixtures use: commands written by hand, as a caseworker sends them. */
export type FixtureWorld = ReturnType<typeof fixtureWorld>;

export function fixtureWorld(
  api: ApiCall,
  events: () => Promise<EventEnvelope[]>,
  clientFamilyName: string,
  /** The body the document gives for a schema of its components (from its examples). */
  documentSample: (schemaName: string) => Record<string, unknown>,
  /** The environment of the system under test, for publishing events as their owner. */
  env: () => Readonly<Record<string, string>> = () => ({}),
) {
  const { acceptedPath, whenStatus } = pathSeeder(api, clientFamilyName);
  const today = () => finnishDateOf(new Date());

  async function expectStatus(
    answer: Promise<{ status: number; body: unknown }>,
    status: number,
    what: string,
  ) {
    const { status: got, body } = await answer;
    if (got !== status) {
      throw new Error(`preparing: ${what} answered ${got}: ${JSON.stringify(body)}`);
    }
    return body as Record<string, unknown>;
  }

  /** The path's ETag as `as` reads it now, once transitions has it in `state` (if given). */
  async function pathEtag(pathId: string, as = 'ville.tyonsilta', state?: string) {
    return waitFor(
      async () => {
        const read = await api('GET', `/paths/${pathId}`, as);
        return read.status === 200 && (state === undefined || read.body.state === state)
          ? (read.headers.get('etag') ?? undefined)
          : undefined;
      },
      { timeoutMs: 20_000, description: `path ${pathId} readable${state ? ` in ${state}` : ''}` },
    );
  }

  /** The first event of the type on the path, once it is in the stream. */
  function eventOf(pathId: string, type: string): Promise<EventEnvelope> {
    return waitFor(
      async () => (await events()).find((event) => event.pathId === pathId && event.type === type),
      { timeoutMs: 20_000, description: `${type} of ${pathId}` },
    );
  }

  /** An accepted path in INTAKE, Työnsilta its owner. */
  async function inIntake(options: Parameters<typeof acceptedPath>[0] = {}) {
    const pathId = await acceptedPath(options);
    await pathEtag(pathId, 'ville.tyonsilta', 'INTAKE');
    return pathId;
  }

  /** The intake recorded, with the housing item open and owned by Työnsilta. */
  async function withIntake(pathId: string, { housingOpen = false } = {}) {
    await expectStatus(
      api('POST', `/paths/${pathId}/intake`, 'ville.tyonsilta', {
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
          housing: housingOpen ? 'OPEN' : 'IN_ORDER',
          benefits: 'IN_ORDER',
          permits: 'NOT_APPLICABLE',
          debts: 'IN_ORDER',
          treatment: 'IN_ORDER',
        },
        basicNeedIssues: housingOpen
          ? [{ kind: 'HOUSING_ARREARS', ownerOrgId: org.tyonsilta.id }]
          : [],
      }),
      201,
      'the intake',
    );
    await pathEtag(pathId, 'ville.tyonsilta', 'PLANNING');
    return pathId;
  }

  /** A path in PLANNING with an agreed plan of one goal; answers the goal's id. */
  async function withPlan(pathId: string) {
    await expectStatus(
      api('POST', `/paths/${pathId}/activation-plan`, 'ville.tyonsilta', {
        parties: [
          { orgId: org.employmentArea.id, role: 'EMPLOYMENT_AUTHORITY' },
          { orgId: org.tyonsilta.id, role: 'PROVIDER' },
        ],
        clientAgreed: true,
        linkedPlans: [],
        goals: [{ text: 'Aloitan työtoiminnan.' }],
      }),
      201,
      'the plan',
    );
    const plan = await whenStatus(`/paths/${pathId}/activation-plan`, 'ville.tyonsilta', 200);
    return (plan.body as { goals: { goalId: string }[] }).goals[0].goalId;
  }

  /**
   * A measure on a planned path, started as the document's example starts one: the dates of
   * the measure commands' examples (attendance, absence, end) then fall within it whatever
   * day the test runs. Answers its id.
   */
  async function withMeasure(pathId: string) {
    const started = await expectStatus(
      api('POST', `/paths/${pathId}/measures`, 'ville.tyonsilta', {
        ...documentSample('StartMeasureCommand'),
        placement: { kind: 'IN_HOUSE' },
      }),
      201,
      'the measure',
    );
    await pathEtag(pathId, 'ville.tyonsilta', 'IN_MEASURE');
    return started.measureId as string;
  }

  /** Työnsilta proposes Kumppaniksi as the next step; answers the hand-off's id. */
  async function withHandoff(pathId: string) {
    await expectStatus(
      api('POST', `/paths/${pathId}/hand-offs`, 'ville.tyonsilta', {
        destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
        receivingOrgId: org.kumppaniksi.id,
        proposedDate: addCalendarDays(today(), 30),
        rationaleCategory: 'NEXT_MEASURE_IN_PLAN',
        proposedBy: 'WORKER',
      }),
      201,
      'the hand-off',
    );
    const proposed = await eventOf(pathId, 'HandoffProposed');
    await whenStatus(`/paths/${pathId}`, 'kaisa.kumppaniksi', 200);
    return (proposed.data as { handoffId: string }).handoffId;
  }

  /**
   * The path exited today, confirmed, to the open labour market unless told otherwise; answers
   * the ids of the follow-ups it scheduled (none for an unclear path).
   */
  async function exited(
    pathId: string,
    destination: object = { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
  ) {
    const path = await expectStatus(
      api(
        'POST',
        `/paths/${pathId}/exit`,
        'ville.tyonsilta',
        { destination, confirmed: true, exitDate: today() },
        { 'if-match': await pathEtag(pathId) },
      ),
      200,
      'the exit',
    );
    return (path.followUps as { followUpId: string }[]).map(({ followUpId }) => followUpId);
  }

  /**
   * A referral, from the employment area to Työnsilta unless told otherwise, not answered yet;
   * `identityCode` refers a client already referred again.
   */
  async function pendingReferral(
    options: {
      extra?: Record<string, unknown>;
      as?: string;
      toOrgId?: string;
      identityCode?: string;
    } = {},
  ) {
    const { as = 'tiina.tyollisyys', toOrgId = org.tyonsilta.id } = options;
    const created = await expectStatus(
      api('POST', '/referrals', as, {
        client: {
          personalIdentityCode: options.identityCode ?? uniqueIdentityCode(),
          givenNames: 'Polku',
          familyName: clientFamilyName,
          language: 'fi',
          addressProtected: false,
        },
        toOrgId,
        requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
        reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
        fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
        desiredStart: addCalendarDays(today(), 30),
        consent: {
          orgIds: [toOrgId],
          dataClasses: ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG'],
          howGiven: 'WRITTEN',
          purpose: 'REFERRAL',
        },
        ...options.extra,
      }),
      201,
      'the referral',
    );
    const pathId = created.pathId as string;
    // The receiver's caseworker sees it once the gateway's projection has the referral.
    const receiver = toOrgId === org.kumppaniksi.id ? 'kaisa.kumppaniksi' : 'ville.tyonsilta';
    await whenStatus(`/paths/${pathId}/referrals`, receiver, 200);
    return { pathId, referralId: created.referralId as string };
  }

  /**
   * A referral, by the employment area, of a client awaiting registration: no identity code,
   * names and a birth date only, so the client's identity is not verified (docs/identity.md).
   * `familyName` lets two referrals name the same person. Answers the path and the client's ETag.
   */
  async function unverifiedClientPath(familyName = `${clientFamilyName}${Date.now()}`) {
    const created = await expectStatus(
      api('POST', '/referrals', 'tiina.tyollisyys', {
        client: {
          givenNames: 'Polku',
          familyName,
          birthDate: '1988-03-14',
          language: 'fi',
          addressProtected: false,
        },
        toOrgId: org.tyonsilta.id,
        requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
        reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
        fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
        desiredStart: addCalendarDays(today(), 30),
      }),
      201,
      'the referral of an unverified client',
    );
    const pathId = created.pathId as string;
    const client = await whenStatus(`/paths/${pathId}/client`, 'tiina.tyollisyys', 200);
    const { version } = client.body as { version: number };
    return { pathId, ifMatch: `"${version}"` };
  }

  /**
   * Two referrals of one person awaiting registration; the permanent code recorded on the second
   * shows the first as a possible duplicate (same names and birth date). Answers the second path,
   * its client's ETag and the duplicate's opaque reference.
   */
  async function withPossibleDuplicate() {
    const familyName = `${clientFamilyName}Kaksoset${Date.now()}`;
    await unverifiedClientPath(familyName);
    const second = await unverifiedClientPath(familyName);
    const recorded = await expectStatus(
      api(
        'POST',
        `/paths/${second.pathId}/client/identity-code`,
        'tiina.tyollisyys',
        { personalIdentityCode: birthDateIdentityCode('140388') },
        { 'if-match': second.ifMatch },
      ),
      200,
      'recording the permanent code',
    );
    const { version, possibleDuplicates } = recorded as {
      version: number;
      possibleDuplicates: { duplicateRef: string }[];
    };
    return {
      pathId: second.pathId,
      ifMatch: `"${version}"`,
      duplicateRef: possibleDuplicates[0]?.duplicateRef as string,
    };
  }

  /** A network meeting of the path going on now, once network-meetings has it; its id. */
  async function meetingNow(pathId: string, invitees: readonly string[]) {
    const meetingId = await publishMeetingScheduled(env(), pathId, invitees);
    await whenStatus(`/paths/${pathId}/meetings/${meetingId}/view`, 'tiina.tyollisyys', 200);
    return meetingId;
  }

  return {
    api,
    today,
    meetingNow,
    expectStatus,
    unverifiedClientPath,
    withPossibleDuplicate,
    pathEtag,
    eventOf,
    whenStatus,
    inIntake,
    withIntake,
    withPlan,
    withMeasure,
    withHandoff,
    exited,
    pendingReferral,
  };
}

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
let identityNumber = 0;

/** A made-up permanent code of someone born on `ddmmyy` (1900s), new for this run. */
export function birthDateIdentityCode(ddmmyy: string): string {
  identityNumber += 1;
  const individual = String(300 + identityNumber * 2).padStart(3, '0');
  return `${ddmmyy}-${individual}${CHECK_CHARACTERS[Number(`${ddmmyy}${individual}`) % 31]}`;
}

/** A made-up personal identity code of the 1980s, valid and new for this run's clients. */
export function uniqueIdentityCode(): string {
  identityNumber += 1;
  const birth = `0101${String(80 + (identityNumber % 20)).padStart(2, '0')}`;
  const individual = String(300 + identityNumber * 2).padStart(3, '0');
  return `${birth}-${individual}${CHECK_CHARACTERS[Number(`${birth}${individual}`) % 31]}`;
}
