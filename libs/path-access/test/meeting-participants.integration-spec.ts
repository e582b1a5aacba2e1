import { randomUUID } from 'node:crypto';
import type { Principal } from '@polku/auth';
import { loadConfig, ServiceConfig } from '@polku/config';
import {
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  NETWORK_MEETING_CANCELLED_V1,
  NETWORK_MEETING_HELD_V1,
  NETWORK_MEETING_SCHEDULED_V1,
  type EventEnvelope,
} from '@polku/contracts';
import { dropDatabase, openServiceDataSource, serviceDatabaseName } from '@polku/persistence';
import type { DataSource } from 'typeorm';
import {
  decidePathAccess,
  PathAccessConsentPurposes1764102800000,
  PathAccessMeetings1764102700000,
  PathAccessOwnership1764100200000,
  PathAccessReferralLinks1764101100000,
  PathAccessPlanParties1764100100000,
  PathAccessSourceTables1764100000000,
  projectPathAccessEvents,
  readPathAccessFacts,
} from '../src';

// A shared library's tests cannot import @polku/testing (scope:tooling), so the database and
// the envelopes are made here; the envelopes carry only what the projection reads.

const serverUrl = process.env.POLKU_TEST_DATABASE_URL as string;
const prefix = `pm_${process.env.POLKU_TEST_RUN_ID as string}_${process.pid}`;
const service = 'path-access-meetings';
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
const workshop = randomUUID();
const kela = randomUUID();
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

const caseworker = (orgId: string): Principal => ({
  userId: `user-${orgId}`,
  orgId,
  orgRole: 'PROVIDER',
  roles: ['CASEWORKER'],
  issuer: 'test',
});

function envelope(
  contract: { type: string; version: number },
  pathId: string,
  data: object,
): EventEnvelope<unknown> {
  return {
    id: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: minutes(-120).toISOString(),
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
    legalBasis: 'test law',
    data,
  } as EventEnvelope<unknown>;
}

async function project(...envelopes: EventEnvelope<unknown>[]): Promise<void> {
  for (const event of envelopes) {
    await dataSource.transaction((em) => projectPathAccessEvents(em, [event]));
  }
}

/** A path referred to the workshop, with the client's consent naming the workshop and Kela. */
async function seedPath(): Promise<string> {
  const pathId = randomUUID();
  await project(
    envelope(CLIENT_REFERRED_V1, pathId, {
      referralId: randomUUID(),
      fromOrgId: employment,
      toOrgId: workshop,
    }),
    envelope(CONSENT_GRANTED_V1, pathId, {
      consentId: randomUUID(),
      orgIds: [workshop, kela],
      dataClasses: ['PATH'],
      validFrom: minutes(-24 * 60)
        .toISOString()
        .slice(0, 10),
    }),
  );
  return pathId;
}

function meetingEvents(pathId: string, startsIn: number, endsIn: number) {
  const meetingId = randomUUID();
  return {
    meetingId,
    scheduled: envelope(NETWORK_MEETING_SCHEDULED_V1, pathId, {
      meetingId,
      kind: 'PROGRESS_MEETING',
      convenor: 'ORGANISATION',
      convenorOrgId: employment,
      invitees: [
        { orgId: employment, roles: ['EMPLOYMENT_COUNSELLOR'] },
        { orgId: kela, roles: ['KELA_REPRESENTATIVE'] },
      ],
      startsAt: minutes(startsIn).toISOString(),
      endsAt: minutes(endsIn).toISOString(),
      venue: 'REMOTE',
    }),
    held: (endedIn: number) =>
      envelope(NETWORK_MEETING_HELD_V1, pathId, {
        meetingId,
        endedAt: minutes(endedIn).toISOString(),
      }),
    cancelled: (cancelledIn: number) =>
      envelope(NETWORK_MEETING_CANCELLED_V1, pathId, {
        meetingId,
        reason: 'OTHER',
        cancelledAt: minutes(cancelledIn).toISOString(),
      }),
  };
}

const kelaSees = async (pathId: string, minute: number) =>
  decidePathAccess(
    caseworker(kela),
    await readPathAccessFacts(dataSource, pathId),
    'PATH',
    minutes(minute),
  );

describe('path access projection of network meetings', () => {
  it('should make an invited organisation a party from the start until the planned end', async () => {
    const pathId = await seedPath();
    const meeting = meetingEvents(pathId, -30, 30);
    await project(meeting.scheduled);

    expect(await kelaSees(pathId, -31)).toEqual({ allowed: false, reason: 'NOT_A_PARTY' });
    expect(await kelaSees(pathId, 0)).toMatchObject({
      allowed: true,
      relations: ['MEETING_PARTICIPANT'],
    });
    expect(await kelaSees(pathId, 31)).toEqual({ allowed: false, reason: 'NOT_A_PARTY' });
  });

  it('should end the invitees’ part at the recorded end, whichever event came first', async () => {
    const inOrder = await seedPath();
    const first = meetingEvents(inOrder, -30, 30);
    await project(first.scheduled, first.held(-5));
    const outOfOrder = await seedPath();
    const second = meetingEvents(outOfOrder, -30, 30);
    await project(second.held(-5), second.scheduled);

    for (const pathId of [inOrder, outOfOrder]) {
      expect((await kelaSees(pathId, -10)).allowed).toBe(true);
      expect(await kelaSees(pathId, 0)).toEqual({ allowed: false, reason: 'NOT_A_PARTY' });
    }
  });

  it('should keep the earliest end of a meeting cancelled, held and replayed in any order', async () => {
    const pathId = await seedPath();
    const meeting = meetingEvents(pathId, -30, 30);
    await project(meeting.cancelled(-20), meeting.scheduled, meeting.held(-5), meeting.scheduled);
    await dataSource.transaction((em) =>
      projectPathAccessEvents(em, [meeting.held(-10), meeting.held(-25), meeting.held(0)]),
    );

    const rows = await dataSource.query<{ ended_at: Date; org_ids: string[] }[]>(
      'SELECT ended_at, org_ids FROM path_access_meeting WHERE meeting_id = $1',
      [meeting.meetingId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].org_ids).toEqual([employment, kela]);
    expect(Math.abs(rows[0].ended_at.getTime() - minutes(-25).getTime())).toBeLessThan(1000);
    expect((await kelaSees(pathId, -26)).allowed).toBe(true);
    expect((await kelaSees(pathId, -24)).allowed).toBe(false);
  });

  it('should make nobody a party of a meeting cancelled before it started', async () => {
    const pathId = await seedPath();
    const meeting = meetingEvents(pathId, -30, 30);
    await project(meeting.scheduled, meeting.cancelled(-60));

    const facts = await readPathAccessFacts(dataSource, pathId);
    expect(facts?.parties.some((party) => party.relation === 'MEETING_PARTICIPANT')).toBe(false);
    expect(await kelaSees(pathId, 0)).toEqual({ allowed: false, reason: 'NOT_A_PARTY' });
  });

  it('should let the workshop, a party otherwise, keep the path after the meeting it was not invited to', async () => {
    const pathId = await seedPath();
    const meeting = meetingEvents(pathId, -30, 30);
    await project(meeting.scheduled, meeting.held(-5));

    const facts = await readPathAccessFacts(dataSource, pathId);
    expect(decidePathAccess(caseworker(workshop), facts, 'PATH').allowed).toBe(true);
    expect(decidePathAccess(caseworker(kela), facts, 'PATH').allowed).toBe(false);
  });
});
