import { randomUUID } from 'node:crypto';
import { loadConfig, ServiceConfig } from '@polku/config';
import {
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  type ConsentPurpose,
  type EventEnvelope,
} from '@polku/contracts';
import { dropDatabase, openServiceDataSource, serviceDatabaseName } from '@polku/persistence';
import type { DataSource } from 'typeorm';
import {
  findConsentInForce,
  PathAccessConsentPurposes1764102800000,
  PathAccessOwnership1764100200000,
  PathAccessPlanParties1764100100000,
  PathAccessReferralLinks1764101100000,
  PathAccessSourceTables1764100000000,
  projectPathAccessEvents,
} from '../src';

// A shared library's tests cannot import @polku/testing (scope:tooling), so the database and
// the envelopes are made here; the envelopes carry only what the projection reads.

const serverUrl = process.env.POLKU_TEST_DATABASE_URL as string;
const prefix = `pt_${process.env.POLKU_TEST_RUN_ID as string}_${process.pid}`;
const service = 'path-access-consent-in-force';
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
      PathAccessConsentPurposes1764102800000,
    ],
  });
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(serverUrl, serviceDatabaseName(prefix, service));
});

const expertOrg = randomUUID();

function envelope(
  contract: { type: string; version: number },
  pathId: string,
  data: object,
): EventEnvelope<unknown> {
  return {
    id: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    pathId,
    clientRef: randomUUID(),
    emitter: {
      orgId: randomUUID(),
      orgRole: 'EMPLOYMENT_AUTHORITY',
      actorId: 'u',
      actorRole: 'CASEWORKER',
    },
    correlationId: randomUUID(),
    dataClass: 'PATH',
    legalBasis: 'test law',
    data,
  } as EventEnvelope<unknown>;
}

async function grant(
  pathId: string,
  consent: { purpose: ConsentPurpose; validFrom?: string; validTo?: string },
): Promise<string> {
  const consentId = randomUUID();
  await dataSource.transaction((em) =>
    projectPathAccessEvents(em, [
      envelope(CONSENT_GRANTED_V1, pathId, {
        consentId,
        orgIds: [expertOrg],
        dataClasses: ['PATH'],
        validFrom: consent.validFrom ?? '2026-01-01',
        purpose: consent.purpose,
        ...(consent.validTo === undefined ? {} : { validTo: consent.validTo }),
      }),
    ]),
  );
  return consentId;
}

const lookup = (pathId: string, consentId: string, at = new Date('2026-06-01T12:00:00Z')) =>
  findConsentInForce(dataSource, {
    pathId,
    consentId,
    orgId: expertOrg,
    purpose: 'EXPERT_PARTICIPATION',
    at,
  });

describe('findConsentInForce', () => {
  it('should find a consent of the path for the purpose when it names the organisation and is in force', async () => {
    const pathId = randomUUID();
    const consentId = await grant(pathId, { purpose: 'EXPERT_PARTICIPATION' });

    expect(await lookup(pathId, consentId)).toEqual({ consentId, dataClasses: ['PATH'] });
    expect(
      await findConsentInForce(dataSource, {
        pathId,
        consentId,
        orgId: randomUUID(),
        purpose: 'EXPERT_PARTICIPATION',
        at: new Date('2026-06-01T12:00:00Z'),
      }),
    ).toBeUndefined();
  });

  it('should not find it when it is for another purpose or of another path', async () => {
    const pathId = randomUUID();
    const otherPurpose = await grant(pathId, { purpose: 'NETWORK_MEETING' });
    const othersPath = await grant(randomUUID(), { purpose: 'EXPERT_PARTICIPATION' });

    expect(await lookup(pathId, otherPurpose)).toBeUndefined();
    expect(await lookup(pathId, othersPath)).toBeUndefined();
  });

  it('should not find it before its first day, after its last day or after its withdrawal', async () => {
    const pathId = randomUUID();
    const consentId = await grant(pathId, {
      purpose: 'EXPERT_PARTICIPATION',
      validFrom: '2026-03-01',
      validTo: '2026-08-31',
    });
    await dataSource.transaction((em) =>
      projectPathAccessEvents(em, [
        envelope(CONSENT_WITHDRAWN_V1, pathId, {
          consentId: randomUUID(),
          withdrawnConsentId: consentId,
          effectiveAt: '2026-07-01T00:00:00.000Z',
        }),
      ]),
    );

    expect(await lookup(pathId, consentId, new Date('2026-02-27T12:00:00Z'))).toBeUndefined();
    expect(await lookup(pathId, consentId, new Date('2026-06-30T12:00:00Z'))).toBeDefined();
    expect(await lookup(pathId, consentId, new Date('2026-07-01T12:00:00Z'))).toBeUndefined();
    const expired = await grant(pathId, {
      purpose: 'EXPERT_PARTICIPATION',
      validFrom: '2026-01-01',
      validTo: '2026-05-30',
    });
    expect(await lookup(pathId, expired)).toBeUndefined();
  });
});
