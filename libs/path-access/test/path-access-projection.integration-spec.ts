import { randomUUID } from 'node:crypto';
import { decidePathAccess, type Principal } from '@polku/auth';
import { loadConfig, ServiceConfig } from '@polku/config';
import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  type EventEnvelope,
  type OrgRole,
} from '@polku/contracts';
import { dropDatabase, openServiceDataSource, serviceDatabaseName } from '@polku/persistence';
import type { DataSource } from 'typeorm';
import {
  PathAccessPlanParties1764100100000,
  PathAccessSourceTables1764100000000,
  projectPathAccessEvent,
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
    migrations: [PathAccessSourceTables1764100000000, PathAccessPlanParties1764100100000],
  });
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(serverUrl, serviceDatabaseName(prefix, service));
});

const employment = randomUUID();
const socialServices = randomUUID();
const workshop = randomUUID();

const caseworker = (orgId: string, orgRole: OrgRole): Principal => ({
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
    await dataSource.transaction((em) => projectPathAccessEvent(em, event));
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
