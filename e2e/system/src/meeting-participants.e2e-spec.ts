import {
  NETWORK_MEETING_CANCELLED_V1,
  NETWORK_MEETING_HELD_V1,
  NETWORK_MEETING_SCHEDULED_V1,
  type EventEnvelope,
} from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { newOutboxEvent, publishEventAsOwner, testServiceConfig, waitFor } from '@polku/testing';
import { randomUUID } from 'node:crypto';
import { streamEvents } from './support/event-stream';
import { gatewayClient } from './support/gateway-client';
import { pathSeeder } from './support/seed-paths';
import { serviceQuery } from './support/service-database';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 17 item 4: an organisation invited to a network meeting is a party of the path for the
// meeting (MEETING_PARTICIPANT) and sees what the client's consent covers for it, until the
// meeting is held or cancelled; an organisation that is not invited, or that no consent names,
// sees nothing (docs/meetings.md, "Meeting participants' access"). The meetings are published
// as network-meetings publishes them, from its own NATS user, and reach every service's access
// projection over the bus.
const org = DEMO_ORGANISATIONS;
const SERVICES = [
  'gateway',
  'client-intake',
  'activation-plans',
  'transitions',
  'network-meetings',
] as const;

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);
const { acceptedPath, plannablePath, agreePlan, whenStatus } = pathSeeder(api, 'Verkosto');

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** The path's referral as client-intake wrote it: its client reference and consent. */
async function referralOf(pathId: string): Promise<EventEnvelope> {
  return waitFor(
    async () =>
      (await streamEvents(system.env)).find(
        (event) => event.pathId === pathId && event.type === 'ClientReferred',
      ),
    { timeoutMs: 20_000, description: `ClientReferred of ${pathId}` },
  );
}

/** Publishes a meeting event of the path as network-meetings would, for the employment area. */
async function publishMeetingEvent(
  pathId: string,
  subject:
    | typeof NETWORK_MEETING_SCHEDULED_V1.subject
    | typeof NETWORK_MEETING_HELD_V1.subject
    | typeof NETWORK_MEETING_CANCELLED_V1.subject,
  data: object,
): Promise<void> {
  const referral = await referralOf(pathId);
  const event = newOutboxEvent(subject);
  await publishEventAsOwner(testServiceConfig({ ...system.env }), subject, {
    pathId,
    clientRef: referral.clientRef,
    emitter: {
      orgId: org.employmentArea.id,
      orgRole: 'EMPLOYMENT_AUTHORITY',
      actorId: 'demo-user-01',
      actorRole: 'CASEWORKER',
    },
    consentRef: referral.consentRef as string,
    data: { ...event.data, ...data } as never,
  });
}

/** A meeting of the path from a minute ago for an hour, inviting these organisations. */
async function scheduleMeeting(
  pathId: string,
  invitees: readonly string[],
  window: { startsAt: string; endsAt: string } = {
    startsAt: minutesFromNow(-1),
    endsAt: minutesFromNow(60),
  },
): Promise<string> {
  const meetingId = randomUUID();
  await publishMeetingEvent(pathId, NETWORK_MEETING_SCHEDULED_V1.subject, {
    meetingId,
    kind: 'PROGRESS_MEETING',
    convenor: 'ORGANISATION',
    convenorOrgId: org.employmentArea.id,
    invitees: invitees.map((orgId) => ({ orgId, roles: ['OTHER'] })),
    ...window,
    venue: 'REMOTE',
    venueOrgId: undefined,
    handoffId: undefined,
  });
  return meetingId;
}

/** Every service that answers the path has the meeting in its access projection. */
async function whenProjected(meetingId: string): Promise<void> {
  for (const service of ['gateway', 'transitions'] as const) {
    await waitFor(
      async () =>
        (
          await serviceQuery(
            system.env,
            service,
            'SELECT 1 FROM path_access_meeting WHERE meeting_id = $1 AND org_ids IS NOT NULL',
            [meetingId],
          )
        ).length > 0 || undefined,
      { timeoutMs: 20_000, description: `${service} to project meeting ${meetingId}` },
    );
  }
}

/** The gateway's audit rows of an organisation's reads of the path. */
function auditOf(pathId: string, orgId: string) {
  return serviceQuery(
    system.env,
    'gateway',
    `SELECT outcome, relations, refusal_reason, basis FROM audit_record
      WHERE path_id = $1 AND org_id = $2 ORDER BY id`,
    [pathId, orgId],
  );
}

it('should let an invited organisation the client’s consent names see the path during the meeting and not after it is held (attacker: a former participant)', async () => {
  // The consent names Työnsilta, Kumppaniksi and TYP; the meeting invites the employment area,
  // Työnsilta, Kumppaniksi and social services — not TYP, not the health centre.
  const pathId = await acceptedPath({ alsoFor: [org.kumppaniksi.id, org.typ.id] });
  const path = `/paths/${pathId}`;
  expect((await api('GET', path, 'kaisa.kumppaniksi')).status).toBe(404);

  const meetingId = await scheduleMeeting(pathId, [
    org.employmentArea.id,
    org.tyonsilta.id,
    org.kumppaniksi.id,
    org.socialServices.id,
  ]);

  const during = await whenStatus(path, 'kaisa.kumppaniksi', 200);
  expect(during.body).toMatchObject({ pathId });
  await whenProjected(meetingId);
  // Invited, but no consent names social services: a party that is covered for nothing.
  expect((await api('GET', path, 'sanna.sosiaalityo')).status).toBe(404);
  // Named by the consent, but not invited: a consent alone makes no organisation a party.
  expect((await api('GET', path, 'timo.typ')).status).toBe(404);
  expect((await api('GET', path, 'helena.terveysasema')).status).toBe(404);
  // The audit trail says on what each was let in or refused.
  expect(await auditOf(pathId, org.kumppaniksi.id)).toContainEqual({
    outcome: 'DONE',
    relations: ['MEETING_PARTICIPANT'],
    refusal_reason: null,
    basis: `consent:${(await referralOf(pathId)).consentRef}`,
  });
  expect(await auditOf(pathId, org.socialServices.id)).toContainEqual(
    expect.objectContaining({ outcome: 'REFUSED', refusal_reason: 'NOT_COVERED' }),
  );
  expect(await auditOf(pathId, org.typ.id)).toContainEqual(
    expect.objectContaining({ outcome: 'REFUSED', refusal_reason: 'NOT_A_PARTY' }),
  );

  await publishMeetingEvent(pathId, NETWORK_MEETING_HELD_V1.subject, {
    meetingId,
    kind: 'PROGRESS_MEETING',
    heldAt: minutesFromNow(-1),
    endedAt: minutesFromNow(0),
    participants: [{ orgId: org.kumppaniksi.id, roles: ['OTHER'] }],
    clientPresent: true,
    expertPresent: false,
    decisions: [],
    nextMeetingAt: undefined,
    handoffId: undefined,
  });

  await whenStatus(path, 'kaisa.kumppaniksi', 404);
  // Työnsilta was invited too, but is a party otherwise (it accepted the referral): it keeps the path.
  expect((await api('GET', path, 'ville.tyonsilta')).status).toBe(200);
});

it('should take the path from an invited organisation when the meeting is cancelled', async () => {
  const pathId = await acceptedPath({ alsoFor: [org.kumppaniksi.id] });
  const path = `/paths/${pathId}`;
  const meetingId = await scheduleMeeting(pathId, [org.employmentArea.id, org.kumppaniksi.id]);
  await whenStatus(path, 'kaisa.kumppaniksi', 200);

  await publishMeetingEvent(pathId, NETWORK_MEETING_CANCELLED_V1.subject, {
    meetingId,
    reason: 'CLIENT_CANCELLED',
    cancelledAt: minutesFromNow(0),
  });

  await whenStatus(path, 'kaisa.kumppaniksi', 404);
});

it('should not let an invited organisation see the path before the meeting starts (attacker: an early invitee)', async () => {
  const pathId = await acceptedPath({ alsoFor: [org.kumppaniksi.id] });
  const meetingId = await scheduleMeeting(pathId, [org.employmentArea.id, org.kumppaniksi.id], {
    startsAt: minutesFromNow(60),
    endsAt: minutesFromNow(120),
  });
  await whenProjected(meetingId);

  expect((await api('GET', `/paths/${pathId}`, 'kaisa.kumppaniksi')).status).toBe(404);
});

it('should let an invited organisation see the plan the consent covers in activation-plans only while the meeting lasts', async () => {
  const pathId = await plannablePath({ alsoFor: [org.kumppaniksi.id] });
  const planned = await agreePlan(pathId, 'tiina.tyollisyys', {
    parties: [{ orgId: org.employmentArea.id }, { orgId: org.tyonsilta.id }],
    clientAgreed: true,
    linkedPlans: [],
    goals: [{ text: 'Käyn työtoiminnassa kolmena päivänä viikossa.' }],
  });
  expect(planned.status).toBe(201);
  const plan = `/paths/${pathId}/activation-plan`;
  await whenStatus(plan, 'ville.tyonsilta', 200);
  expect((await api('GET', plan, 'kaisa.kumppaniksi')).status).toBe(404);

  const meetingId = await scheduleMeeting(pathId, [org.employmentArea.id, org.kumppaniksi.id]);
  await whenStatus(plan, 'kaisa.kumppaniksi', 200);

  await publishMeetingEvent(pathId, NETWORK_MEETING_CANCELLED_V1.subject, {
    meetingId,
    reason: 'NO_LONGER_NEEDED',
    cancelledAt: minutesFromNow(0),
  });
  await whenStatus(plan, 'kaisa.kumppaniksi', 404);
});
