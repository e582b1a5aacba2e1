import {
  CLIENT_VOICE_RECORDED_V1,
  NETWORK_MEETING_HELD_V1,
  NEXT_STEP_SET_V1,
  type EventEnvelope,
  type TimelineEntryView,
} from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { newOutboxEvent, publishEventAsOwner, testServiceConfig, waitFor } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import { randomUUID } from 'node:crypto';
import { streamEvents } from './support/event-stream';
import { gatewayClient } from './support/gateway-client';
import { pathSeeder } from './support/seed-paths';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 17 item 3: a full path through the gateway — referral, consent, intake, plan, measure,
// pause (client-intake, activation-plans), a wait (transitions), a meeting and the client's voice
// (network-meetings) — shows on the shared timeline in order, each organisation seeing the entries
// its own covers allow (docs/meetings.md, "The shared timeline", "Who sees what").
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
const { plannablePath, agreePlan, whenStatus } = pathSeeder(api, 'Aikajana');

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

/** Publishes an event of network-meetings on the path, as that service would. */
async function publishAsNetworkMeetings(
  referral: EventEnvelope,
  subject: typeof NETWORK_MEETING_HELD_V1.subject | typeof CLIENT_VOICE_RECORDED_V1.subject,
  emitter: { orgId: string; orgRole: 'PROVIDER' | 'EMPLOYMENT_AUTHORITY' },
  data: object,
): Promise<void> {
  const event = newOutboxEvent(subject);
  await publishEventAsOwner(testServiceConfig({ ...system.env }), subject, {
    ...event,
    pathId: referral.pathId,
    clientRef: referral.clientRef,
    emitter: { ...emitter, actorId: 'demo-user-02', actorRole: 'CASEWORKER' },
    data: { ...event.data, ...data } as never,
  });
}

const timelineOf = async (pathId: string, as: string) => {
  const answer = await api('GET', `/paths/${pathId}/timeline?order=asc&limit=100`, as);
  expect(answer.status).toBe(200);
  return (answer.body as { items: TimelineEntryView[] }).items;
};

it('should show every service’s events in order and each organisation its own timeline when a path runs through the gateway', async () => {
  const pathId = await plannablePath();
  const plan = await agreePlan(pathId, 'ville.tyonsilta', {
    parties: [
      { orgId: org.employmentArea.id, role: 'EMPLOYMENT_AUTHORITY' },
      { orgId: org.socialServices.id, role: 'SOCIAL_SERVICES' },
      { orgId: org.tyonsilta.id, role: 'PROVIDER' },
    ],
    clientAgreed: true,
    linkedPlans: [],
    reviewDate: addCalendarDays(finnishDateOf(new Date()), 180),
    goals: [{ text: 'Käyn työtoiminnassa kolme päivää viikossa.' }],
  });
  expect(plan.status).toBe(201);
  const started = await api('POST', `/paths/${pathId}/measures`, 'ville.tyonsilta', {
    measureType: 'REHABILITATIVE_WORK_ACTIVITY',
    placement: { kind: 'IN_HOUSE' },
    schedule: {
      daysPerWeek: 3,
      hoursPerDay: 6,
      startDate: '2027-01-11',
      plannedEndDate: '2027-07-10',
    },
  });
  expect(started.status).toBe(201);
  const { measureId } = started.body as { measureId: string };
  const paused = await api(
    'POST',
    `/paths/${pathId}/measures/${measureId}/pause`,
    'ville.tyonsilta',
    { reasonCategory: 'SICK_LEAVE' },
    { 'if-match': '"1"' },
  );
  expect(paused.status).toBe(200);
  const wait = await whenStatus(`/paths/${pathId}`, 'ville.tyonsilta', 200).then(() =>
    api('POST', `/paths/${pathId}/waits`, 'ville.tyonsilta', { waitingFor: 'DEBT_COUNSELLING' }),
  );
  expect(wait.status).toBe(201);
  const referral = await waitFor(
    async () =>
      (await streamEvents(system.env)).find(
        (event) => event.pathId === pathId && event.type === 'ClientReferred',
      ),
    { timeoutMs: 20_000, description: 'the referral in the stream' },
  );
  const now = Date.now();
  await publishAsNetworkMeetings(
    referral,
    NETWORK_MEETING_HELD_V1.subject,
    { orgId: org.employmentArea.id, orgRole: 'EMPLOYMENT_AUTHORITY' },
    {
      meetingId: randomUUID(),
      kind: 'PROGRESS_MEETING',
      heldAt: new Date(now - 3_600_000).toISOString(),
      endedAt: new Date(now - 60_000).toISOString(),
      participants: [
        { orgId: org.employmentArea.id, roles: ['EMPLOYMENT_COUNSELLOR'] },
        { orgId: org.tyonsilta.id, roles: ['INSTRUCTOR'] },
      ],
      decisions: [],
      nextMeetingAt: undefined,
      handoffId: undefined,
    },
  );
  await publishAsNetworkMeetings(
    referral,
    CLIENT_VOICE_RECORDED_V1.subject,
    { orgId: org.tyonsilta.id, orgRole: 'PROVIDER' },
    { visibility: 'WRITER_ORGANISATION', visibleToOrgIds: undefined, meetingId: undefined },
  );

  // Everything of the path Työnsilta is covered for (the consent's classes, and the client voice
  // it wrote) reaches its timeline, once: the entries and the stream's events of the path agree.
  const covered = ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG', 'CLIENT_VOICE'];
  const expected = [
    'ClientReferred',
    'ActivationPlanAgreed',
    'MeasurePaused',
    'WaitingStarted',
    'NetworkMeetingHeld',
    'ClientVoiceRecorded',
  ];
  const provider = await waitFor(
    async () => {
      const entries = await timelineOf(pathId, 'ville.tyonsilta');
      // NextStepSet sums up where the path stands and stays off the timeline (docs/meetings.md).
      const streamed = (await streamEvents(system.env)).filter(
        (event) =>
          event.pathId === pathId &&
          covered.includes(event.dataClass) &&
          event.type !== NEXT_STEP_SET_V1.type,
      );
      const ids = (list: readonly string[]) => [...list].sort().join();
      const types = new Set(entries.map((entry) => entry.eventType));
      return expected.every((type) => types.has(type)) &&
        ids(entries.map((entry) => entry.eventId)) === ids(streamed.map((event) => event.id))
        ? entries
        : undefined;
    },
    { timeoutMs: 30_000, description: 'every service’s events on Työnsilta’s timeline' },
  );
  // In the order they happened.
  const times = provider.map((entry) => entry.occurredAt);
  expect(times).toEqual([...times].sort());
  const pause = provider.find((entry) => entry.eventType === 'MeasurePaused');
  expect(pause).toMatchObject({
    kind: 'PAUSE',
    dataClass: 'HEALTH_FLAG',
    summary: 'The measure was paused (sick leave).',
  });
  expect(pause?.visibleTo).toContain(org.tyonsilta.id);
  expect(pause?.visibleTo).not.toContain(org.socialServices.id);

  // Social services sees the plan by law, but not the health flag nor the provider's client voice.
  const social = await timelineOf(pathId, 'sanna.sosiaalityo');
  const socialTypes = social.map((entry) => entry.eventType);
  expect(socialTypes).toEqual(expect.arrayContaining(['ClientReferred', 'ActivationPlanAgreed']));
  expect(socialTypes).not.toContain('MeasurePaused');
  expect(socialTypes).not.toContain('ClientVoiceRecorded');
  // The employment area, a statutory plan party too and in the meeting, sees what it is covered
  // for: the plan and the meeting, not the pause nor the wait (both health flags).
  const authorityTypes = (await timelineOf(pathId, 'tiina.tyollisyys')).map((e) => e.eventType);
  expect(authorityTypes).toEqual(
    expect.arrayContaining(['ActivationPlanAgreed', 'NetworkMeetingHeld']),
  );
  expect(authorityTypes).not.toContain('MeasurePaused');
  expect(authorityTypes).not.toContain('WaitingStarted');
  // An organisation that is no party of the path sees nothing of it.
  expect((await api('GET', `/paths/${pathId}/timeline`, 'kaisa.kumppaniksi')).status).toBe(404);
});

it('should link a meeting’s pause decision once and show the link on the timeline when the provider names the MeasurePaused that carried it out', async () => {
  const pathId = await plannablePath();
  expect(
    (
      await agreePlan(pathId, 'ville.tyonsilta', {
        parties: [
          { orgId: org.employmentArea.id, role: 'EMPLOYMENT_AUTHORITY' },
          { orgId: org.tyonsilta.id, role: 'PROVIDER' },
        ],
        clientAgreed: true,
        linkedPlans: [],
        reviewDate: addCalendarDays(finnishDateOf(new Date()), 180),
        goals: [{ text: 'Käyn työtoiminnassa kolme päivää viikossa.' }],
      })
    ).status,
  ).toBe(201);
  const started = await api('POST', `/paths/${pathId}/measures`, 'ville.tyonsilta', {
    measureType: 'REHABILITATIVE_WORK_ACTIVITY',
    placement: { kind: 'IN_HOUSE' },
    schedule: {
      daysPerWeek: 3,
      hoursPerDay: 6,
      startDate: '2027-01-11',
      plannedEndDate: '2027-07-10',
    },
  });
  const { measureId } = started.body as { measureId: string };
  const referral = await waitFor(
    async () =>
      (await streamEvents(system.env)).find(
        (event) => event.pathId === pathId && event.type === 'ClientReferred',
      ),
    { timeoutMs: 20_000, description: 'the referral in the stream' },
  );
  const meetingId = randomUUID();
  const decisionId = randomUUID();
  const now = Date.now();
  await publishAsNetworkMeetings(
    referral,
    NETWORK_MEETING_HELD_V1.subject,
    { orgId: org.tyonsilta.id, orgRole: 'PROVIDER' },
    {
      meetingId,
      kind: 'PROGRESS_MEETING',
      heldAt: new Date(now - 3_600_000).toISOString(),
      endedAt: new Date(now - 60_000).toISOString(),
      participants: [{ orgId: org.tyonsilta.id, roles: ['INSTRUCTOR'] }],
      decisions: [{ decisionId, kind: 'PAUSE' }],
      nextMeetingAt: undefined,
      handoffId: undefined,
    },
  );
  const paused = await api(
    'POST',
    `/paths/${pathId}/measures/${measureId}/pause`,
    'ville.tyonsilta',
    { reasonCategory: 'SICK_LEAVE' },
    { 'if-match': '"1"' },
  );
  expect(paused.status).toBe(200);
  const onTimeline = (type: string) =>
    waitFor(
      async () =>
        (await timelineOf(pathId, 'ville.tyonsilta')).find((entry) => entry.eventType === type),
      { timeoutMs: 20_000, description: `${type} on the timeline` },
    );
  const pause = await onTimeline('MeasurePaused');
  await onTimeline('NetworkMeetingHeld');
  const link = `/paths/${pathId}/meetings/${meetingId}/decisions/${decisionId}/link`;

  const linked = await api('POST', link, 'ville.tyonsilta', { eventId: pause.eventId });

  expect(linked.status).toBe(201);
  expect(linked.body).toMatchObject({ eventType: 'MeasurePaused', service: 'activation-plans' });
  const carried = await onTimeline('MeetingDecisionCarriedOut');
  expect(carried.data).toMatchObject({ meetingId, decisionId, eventId: pause.eventId });
  const again = await api('POST', link, 'ville.tyonsilta', { eventId: pause.eventId });
  expect(again.status).toBe(409);
  expect(again.headers.get('content-type')).toContain('application/problem+json');
});
