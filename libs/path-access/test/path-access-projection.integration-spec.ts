import { randomUUID } from 'node:crypto';
import type { Principal } from '@polku/auth';
import { loadConfig, ServiceConfig } from '@polku/config';
import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  OWNERSHIP_TRANSFERRED_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LINKED_V1,
  HANDOFF_ACCEPTED_V1,
  HANDOFF_PROPOSED_V1,
  type EventEnvelope,
  type OrgRole,
} from '@polku/contracts';
import { dropDatabase, openServiceDataSource, serviceDatabaseName } from '@polku/persistence';
import type { DataSource } from 'typeorm';
import {
  decidePathAccess,
  PathAccessMeetings1764102700000,
  PathAccessOwnership1764100200000,
  PathAccessConsentPurposes1764102800000,
  PathAccessReferralLinks1764101100000,
  PathAccessPlanParties1764100100000,
  PathAccessSourceTables1764100000000,
  projectPathAccessEvents,
  readPathAccessFacts,
} from '../src';

// A shared library's tests cannot import @polku/testing (scope:tooling), so the database and
// the envelopes are made here; the envelopes carry only what the projection reads.

const serverUrl = process.env.POLKU_TEST_DATABASE_URL as string;
const prefix = `pt_${process.env.POLKU_TEST_RUN_ID as string}_${process.pid}`;
const service = 'path-access-projection';
let dataSource: DataSource;

beforeAll(async () => {
  const config = loadConfig(ServiceConfig, {
    DATABASE_URL: serverUrl,
    DATABASE_NAME_PREFIX: prefix,
    DATABASE_CONNECT_RETRIES: '0',
  });
  dataSource = await openServiceDataSource({
    service,
    config,
    entities: [],
    migrations: [
      PathAccessSourceTables1764100000000,
      PathAccessPlanParties1764100100000,
      PathAccessOwnership1764100200000,
      PathAccessReferralLinks1764101100000,
      PathAccessMeetings1764102700000,
      PathAccessConsentPurposes1764102800000,
    ],
  });
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(serverUrl, serviceDatabaseName(prefix, service));
});

const employment = randomUUID();
const socialServices = randomUUID();
const workshop = randomUUID();

const caseworker = (orgId: string, orgRole: Principal['orgRole']): Principal => ({
  userId: `user-${orgId}`,
  orgId,
  orgRole,
  roles: ['CASEWORKER'],
  issuer: 'test',
});

function envelope(
  contract: { type: string; version: number },
  pathId: string,
  occurredAt: Date,
  data: object,
  basis: { consentRef: string } | { legalBasis: string } = { legalBasis: 'test law' },
): EventEnvelope<unknown> {
  return {
    id: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: occurredAt.toISOString(),
    pathId,
    clientRef: randomUUID(),
    emitter: {
      orgId: employment,
      orgRole: 'EMPLOYMENT_AUTHORITY',
      actorId: 'u',
      actorRole: 'CASEWORKER',
    },
    correlationId: randomUUID(),
    dataClass: 'PATH',
    ...basis,
    data,
  } as EventEnvelope<unknown>;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function project(...envelopes: EventEnvelope<unknown>[]): Promise<void> {
  for (const event of envelopes) {
    await dataSource.transaction((em) => projectPathAccessEvents(em, [event]));
  }
}

async function seedPath(): Promise<string> {
  const pathId = randomUUID();
  await project(
    envelope(CLIENT_REFERRED_V1, pathId, minutesAgo(60), {
      referralId: randomUUID(),
      fromOrgId: employment,
      toOrgId: workshop,
    }),
  );
  return pathId;
}

const plan = (planId: string, planVersion: number, parties: [string, OrgRole][]) => ({
  planId,
  planVersion,
  parties: parties.map(([orgId, role]) => ({ orgId, role })),
});

describe('path access projection of activation plans', () => {
  it('should make every plan party a party and cover the statutory ones for the plan by law', async () => {
    const pathId = await seedPath();
    const planId = randomUUID();
    await project(
      envelope(ACTIVATION_PLAN_AGREED_V1, pathId, minutesAgo(30), {
        ...plan(planId, 1, [
          [employment, 'EMPLOYMENT_AUTHORITY'],
          [socialServices, 'SOCIAL_SERVICES'],
          [workshop, 'PROVIDER'],
        ]),
      }),
    );

    const facts = await readPathAccessFacts(dataSource, pathId);

    expect(decidePathAccess(caseworker(socialServices, 'SOCIAL_SERVICES'), facts, 'PLAN')).toEqual({
      allowed: true,
      relations: ['PLAN_PARTY'],
      basis: { kind: 'LEGAL_BASIS', code: 'Act on Rehabilitative Work Activity 189/2001' },
    });
    expect(decidePathAccess(caseworker(workshop, 'PROVIDER'), facts, 'PLAN')).toEqual({
      allowed: false,
      reason: 'NOT_COVERED',
    });
  });

  it('should let the provider see the plan once the client consents to it', async () => {
    const pathId = await seedPath();
    await project(
      envelope(ACTIVATION_PLAN_AGREED_V1, pathId, minutesAgo(30), {
        ...plan(randomUUID(), 1, [
          [employment, 'EMPLOYMENT_AUTHORITY'],
          [workshop, 'PROVIDER'],
        ]),
      }),
      envelope(CONSENT_GRANTED_V1, pathId, minutesAgo(20), {
        consentId: randomUUID(),
        orgIds: [workshop],
        dataClasses: ['PLAN'],
        validFrom: minutesAgo(24 * 60)
          .toISOString()
          .slice(0, 10),
      }),
    );

    const facts = await readPathAccessFacts(dataSource, pathId);

    expect(decidePathAccess(caseworker(workshop, 'PROVIDER'), facts, 'PLAN').allowed).toBe(true);
  });

  it('should keep the newest party list when a revision arrives before the agreement it revises', async () => {
    const pathId = await seedPath();
    const planId = randomUUID();
    const revised = envelope(ACTIVATION_PLAN_REVISED_V1, pathId, minutesAgo(10), {
      planId,
      planVersion: 2,
      changed: ['PARTIES'],
      reasonCategory: 'CLIENT_SITUATION_CHANGED',
      reviewDate: '2027-06-01',
      parties: [{ orgId: employment, role: 'EMPLOYMENT_AUTHORITY' }],
    });
    const agreed = envelope(ACTIVATION_PLAN_AGREED_V1, pathId, minutesAgo(30), {
      ...plan(planId, 1, [
        [employment, 'EMPLOYMENT_AUTHORITY'],
        [socialServices, 'SOCIAL_SERVICES'],
      ]),
    });

    await project(revised, agreed, revised);

    const facts = await readPathAccessFacts(dataSource, pathId);
    expect(decidePathAccess(caseworker(socialServices, 'SOCIAL_SERVICES'), facts, 'PLAN')).toEqual({
      allowed: false,
      reason: 'NOT_A_PARTY',
    });
    const rows = await dataSource.query<{ org_id: string; until: Date | null }[]>(
      'SELECT org_id, until FROM path_access_plan_party WHERE plan_id = $1',
      [planId],
    );
    expect(rows).toEqual([{ org_id: employment, until: null }]);
  });

  it('should end a dropped party at the revision and keep it a party before', async () => {
    const pathId = await seedPath();
    const planId = randomUUID();
    await project(
      envelope(ACTIVATION_PLAN_AGREED_V1, pathId, minutesAgo(30), {
        ...plan(planId, 1, [
          [employment, 'EMPLOYMENT_AUTHORITY'],
          [socialServices, 'SOCIAL_SERVICES'],
        ]),
      }),
      envelope(ACTIVATION_PLAN_REVISED_V1, pathId, minutesAgo(10), {
        planId,
        planVersion: 2,
        changed: ['PARTIES'],
        reasonCategory: 'TRANSITION',
        reviewDate: '2027-06-01',
        parties: [{ orgId: employment, role: 'EMPLOYMENT_AUTHORITY' }],
      }),
    );

    const facts = await readPathAccessFacts(dataSource, pathId);
    const social = caseworker(socialServices, 'SOCIAL_SERVICES');

    expect(decidePathAccess(social, facts, 'PLAN', minutesAgo(20)).allowed).toBe(true);
    expect(decidePathAccess(social, facts, 'PLAN', minutesAgo(5)).allowed).toBe(false);
  });
});

describe('path access projection of hand-offs', () => {
  const nextProvider = randomUUID();

  it('should let the receiver of a proposed hand-off see the path, and own it after the hand-off', async () => {
    const pathId = await seedPath();
    const handoffId = randomUUID();
    const fromWorkshop = (event: EventEnvelope<unknown>) => ({
      ...event,
      emitter: { ...event.emitter, orgId: workshop, orgRole: 'PROVIDER' as const },
    });
    await project(
      envelope(REFERRAL_ACCEPTED_V1, pathId, minutesAgo(50), {
        referralId: (
          await dataSource.query<{ referral_id: string }[]>(
            'SELECT referral_id FROM path_access_referral WHERE path_id = $1',
            [pathId],
          )
        )[0].referral_id,
      }),
      fromWorkshop(
        envelope(HANDOFF_PROPOSED_V1, pathId, minutesAgo(40), {
          handoffId,
          receivingOrgId: nextProvider,
        }),
      ),
    );
    const receiver = caseworker(nextProvider, 'PROVIDER');

    const pending = await readPathAccessFacts(dataSource, pathId);
    expect(decidePathAccess(receiver, pending, 'PATH')).toMatchObject({
      allowed: true,
      relations: ['PENDING_HANDOFF_RECEIVER'],
    });
    // The sender gains no new cover by proposing: it is a party in its own right.
    expect(
      pending?.parties.filter((party) => party.orgId === workshop).map((p) => p.relation),
    ).toEqual(['PENDING_HANDOFF_RECEIVER', 'PLAN_PARTY']);

    await project(
      envelope(HANDOFF_ACCEPTED_V1, pathId, minutesAgo(30), { handoffId }),
      envelope(OWNERSHIP_TRANSFERRED_V1, pathId, minutesAgo(20), {
        fromOrgId: employment,
        toOrgId: nextProvider,
      }),
    );

    const handedOver = await readPathAccessFacts(dataSource, pathId);
    expect(decidePathAccess(receiver, handedOver, 'PATH')).toMatchObject({
      allowed: true,
      relations: ['OWNER', 'PLAN_PARTY'],
    });
    expect(
      decidePathAccess(caseworker(employment, 'EMPLOYMENT_AUTHORITY'), handedOver, 'PATH'),
    ).toMatchObject({ allowed: true, relations: ['REFERRER'] });
  });
});

describe('path access projection of referral links', () => {
  // Social services refers the client, who already has the employment area's open path, to a
  // provider: client-intake holds that referral on a path of its own until the owner links it.
  async function heldReferral(openPathId: string) {
    const heldPathId = randomUUID();
    const referralId = randomUUID();
    const receiver = randomUUID();
    const referred = {
      ...envelope(CLIENT_REFERRED_V1, heldPathId, minutesAgo(20), {
        referralId,
        fromOrgId: socialServices,
        toOrgId: receiver,
      }),
      emitter: {
        orgId: socialServices,
        orgRole: 'SOCIAL_SERVICES' as const,
        actorId: 'u',
        actorRole: 'CASEWORKER' as const,
      },
    };
    const linked = envelope(REFERRAL_LINKED_V1, openPathId, minutesAgo(10), {
      referralId,
      heldPathId,
      fromOrgId: socialServices,
      toOrgId: receiver,
      basis: 'OWNER_ACCEPTED',
    });
    return { heldPathId, referralId, receiver, referred, linked };
  }

  it('referral with an existing client’s code: gives the referrer and its receiver nothing of the open path until the owner links it', async () => {
    const openPathId = await seedPath();
    const held = await heldReferral(openPathId);
    await project(held.referred);
    const referrer = caseworker(socialServices, 'SOCIAL_SERVICES');
    const receiver = caseworker(held.receiver, 'PROVIDER');

    const before = await readPathAccessFacts(dataSource, openPathId);
    expect(decidePathAccess(referrer, before, 'PATH')).toMatchObject({ allowed: false });
    expect(decidePathAccess(receiver, before, 'PATH')).toMatchObject({ allowed: false });

    await project(held.linked);

    const after = await readPathAccessFacts(dataSource, openPathId);
    expect(decidePathAccess(referrer, after, 'PATH')).toMatchObject({
      allowed: true,
      relations: ['REFERRER'],
    });
    expect(decidePathAccess(receiver, after, 'PATH')).toMatchObject({
      allowed: true,
      relations: ['PENDING_HANDOFF_RECEIVER'],
    });
    // The owner stays the owner; an organisation the referral does not name still sees nothing.
    const owner = caseworker(employment, 'EMPLOYMENT_AUTHORITY');
    expect(decidePathAccess(owner, after, 'PATH')).toEqual(decidePathAccess(owner, before, 'PATH'));
    expect(decidePathAccess(owner, after, 'PATH')).toMatchObject({ allowed: true });
    expect(decidePathAccess(caseworker(randomUUID(), 'PROVIDER'), after, 'PATH')).toMatchObject({
      allowed: false,
    });
  });

  it('should follow the receiver’s answer on the held path after the link, and read a replayed link once', async () => {
    const openPathId = await seedPath();
    const held = await heldReferral(openPathId);
    // The link may arrive before the referral (another subject, another consumer).
    await project(held.linked, held.referred, held.linked);
    await project(
      envelope(REFERRAL_DECLINED_V1, held.heldPathId, minutesAgo(5), {
        referralId: held.referralId,
      }),
    );

    const facts = await readPathAccessFacts(dataSource, openPathId);
    expect(decidePathAccess(caseworker(held.receiver, 'PROVIDER'), facts, 'PATH')).toMatchObject({
      allowed: false,
    });
    expect(
      decidePathAccess(caseworker(socialServices, 'SOCIAL_SERVICES'), facts, 'PATH'),
    ).toMatchObject({ allowed: true, relations: ['REFERRER'] });
    const links = await dataSource.query<{ path_id: string }[]>(
      'SELECT path_id FROM path_access_link WHERE held_path_id = $1',
      [held.heldPathId],
    );
    expect(links).toEqual([{ path_id: openPathId }]);
  });
});

describe('path access projection of batches', () => {
  // The events of one path; a second path gets the same history under its own ids.
  function history(pathId: string, now: number) {
    const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000);
    const ids = { accepted: randomUUID(), declined: randomUUID(), consent: randomUUID() };
    const referral = (referralId: string, toOrgId: string, minutes: number) =>
      envelope(
        CLIENT_REFERRED_V1,
        pathId,
        minutesAgo(minutes),
        { referralId, fromOrgId: employment, toOrgId },
        { consentRef: ids.consent },
      );
    const consent = (validTo: string | null) =>
      envelope(CONSENT_GRANTED_V1, pathId, minutesAgo(55), {
        consentId: ids.consent,
        orgIds: [workshop, socialServices],
        dataClasses: ['PATH', 'PLAN'],
        validFrom: '2020-01-01',
        validTo,
      });
    const events = [
      referral(ids.accepted, workshop, 60),
      referral(ids.declined, socialServices, 59),
      consent('2020-06-30'),
      // A second grant of the same consent in one batch: the later one wins, as one by one.
      consent(null),
      envelope(REFERRAL_ACCEPTED_V1, pathId, minutesAgo(50), { referralId: ids.accepted }),
      envelope(REFERRAL_DECLINED_V1, pathId, minutesAgo(49), { referralId: ids.declined }),
      envelope(CONSENT_WITHDRAWN_V1, pathId, minutesAgo(40), {
        withdrawnConsentId: ids.consent,
        effectiveAt: minutesAgo(40).toISOString(),
      }),
      envelope(OWNERSHIP_TRANSFERRED_V1, pathId, minutesAgo(30), { toOrgId: workshop }),
    ];
    return { ids, events };
  }

  // The facts with one path's ids replaced by the other's, in a fixed order.
  async function normalisedFacts(pathId: string, ids: Record<string, string>) {
    let text = JSON.stringify(await readPathAccessFacts(dataSource, pathId));
    for (const [name, id] of Object.entries({ ...ids, pathId })) {
      text = text.split(id).join(name);
    }
    const facts = JSON.parse(text) as { parties: unknown[]; coverages: unknown[] };
    const order = (items: unknown[]) => items.map((item) => JSON.stringify(item)).sort();
    return { parties: order(facts.parties), coverages: order(facts.coverages) };
  }

  it('should derive the same facts from batches of one subject as from single events', async () => {
    const now = Date.now();
    const single = history(randomUUID(), now);
    await project(...single.events);
    const batched = history(randomUUID(), now);
    const subjects = [...new Set(batched.events.map((event) => event.type))];
    for (const type of subjects) {
      await dataSource.transaction((em) =>
        projectPathAccessEvents(
          em,
          batched.events.filter((event) => event.type === type),
        ),
      );
    }

    expect(await normalisedFacts(batched.events[0].pathId, batched.ids)).toEqual(
      await normalisedFacts(single.events[0].pathId, single.ids),
    );
  });

  it('should refuse a batch with an event the projection does not read', async () => {
    const pathId = randomUUID();
    const unknown = envelope({ type: 'SomethingElse', version: 1 }, pathId, minutesAgo(1), {});

    await expect(
      dataSource.transaction((em) => projectPathAccessEvents(em, [unknown])),
    ).rejects.toThrow('the path access projection does not read SomethingElse v1');
  });
});
