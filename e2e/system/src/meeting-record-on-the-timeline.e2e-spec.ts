import { DEMO_ORGANISATIONS, DEMO_USERS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import { gatewayClient } from './support/gateway-client';
import { IDENTITY_CODE_IN_TEXT } from './support/identity-code-pattern';
import { pathSeeder } from './support/seed-paths';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// One client's path through every service, as caseworkers make it through the gateway, and the
// shared timeline that shows it (docs/meetings.md): the referral, consent and intake
// (client-intake), the plan and the measure (activation-plans), the hand-off (transitions), the
// transition meeting with its agreed next step and the client's view (network-meetings) — in
// the order they happened, each with its source organisation and data class, and never the
// client's identity.
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
const { plannablePath, agreePlan } = pathSeeder(api, 'Aikajana');

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

interface Entry {
  readonly position: string;
  readonly eventType: string;
  readonly kind: string;
  readonly occurredAt: string;
  readonly dataClass: string;
  readonly sourceOrgId: string;
  readonly summary: string;
  readonly visibleTo: readonly string[];
}

const today = () => finnishDateOf(new Date());
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const userIdOf = (username: string) =>
  DEMO_USERS.find((user) => user.username === username)?.userId as string;

async function timelineOf(pathId: string, as: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | undefined;
  do {
    const query = `order=asc&limit=100${cursor === undefined ? '' : `&cursor=${cursor}`}`;
    const page = await api('GET', `/paths/${pathId}/timeline?${query}`, as);
    expect(page.status).toBe(200);
    const body = page.body as { items: Entry[]; nextCursor: string | null };
    entries.push(...body.items);
    cursor = body.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return entries;
}

/** Waits until the timeline holds every one of `types`, then answers it. */
function whenOnTimeline(pathId: string, as: string, types: readonly string[]) {
  return waitFor(
    async () => {
      const entries = await timelineOf(pathId, as);
      const present = new Set(entries.map((entry) => entry.eventType));
      return types.every((type) => present.has(type)) ? entries : undefined;
    },
    { timeoutMs: 30_000, description: `${types.join(', ')} on the timeline of ${pathId}` },
  );
}

it('should show the events of every service on the path’s timeline in the order they happened, with the source organisation and no identity, when a path goes through the gateway from referral to a transition meeting', async () => {
  const pathId = await plannablePath({ alsoFor: [org.kumppaniksi.id] });
  const plan = await agreePlan(pathId, 'ville.tyonsilta', {
    parties: [
      { orgId: org.employmentArea.id, role: 'EMPLOYMENT_AUTHORITY' },
      { orgId: org.tyonsilta.id, role: 'PROVIDER' },
    ],
    clientAgreed: true,
    linkedPlans: [],
    goals: [{ text: 'Aloitan työtoiminnan.' }],
  });
  expect(plan.status).toBe(201);
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

  const scheduled = await api('POST', `/paths/${pathId}/meetings`, 'ville.tyonsilta', {
    kind: 'TRANSITION_MEETING',
    convenor: 'ORGANISATION',
    invitees: [
      { orgId: org.tyonsilta.id, roles: ['WORK_COACH'] },
      { orgId: org.employmentArea.id, roles: ['EMPLOYMENT_COUNSELLOR'] },
    ],
    startsAt: hoursFromNow(-2),
    endsAt: hoursFromNow(1),
    venue: 'ORGANISATION_PREMISES',
    venueOrgId: org.tyonsilta.id,
  });
  expect(scheduled.status).toBe(201);
  const { meetingId } = scheduled.body as { meetingId: string };

  const handoff = await waitFor(
    async () => {
      const proposed = await api('POST', `/paths/${pathId}/hand-offs`, 'ville.tyonsilta', {
        destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
        receivingOrgId: org.kumppaniksi.id,
        proposedDate: addCalendarDays(today(), 30),
        rationaleCategory: 'NEXT_MEASURE_IN_PLAN',
        proposedBy: 'WORKER',
      });
      return proposed.status === 201
        ? (proposed.body as { pendingHandoff: { handoffId: string } }).pendingHandoff
        : undefined;
    },
    { timeoutMs: 20_000, description: `a hand-off proposed on ${pathId}` },
  );

  const recorded = await api(
    'POST',
    `/paths/${pathId}/meetings/${meetingId}/record`,
    'ville.tyonsilta',
    {
      heldAt: hoursFromNow(-2),
      endedAt: hoursFromNow(-1),
      participants: [
        { orgId: org.tyonsilta.id, roles: ['WORK_COACH'] },
        { orgId: org.employmentArea.id, roles: ['EMPLOYMENT_COUNSELLOR'] },
      ],
      clientPresent: true,
      decisions: [{ kind: 'TRANSITION_DECISION' }],
      clientView: {
        text: 'Haluan jatkaa Kumppaniksessa, siellä on tuttuja.',
        author: 'CLIENT',
        visibility: 'WHOLE_NETWORK',
      },
      agreedNextSteps: [
        {
          description: 'Yhteenveto työtoiminnasta vastaanottajalle',
          ownerOrgId: org.tyonsilta.id,
          ownerWorkerId: userIdOf('ville.tyonsilta'),
          dueDate: addCalendarDays(today(), 7),
        },
      ],
    },
    { 'if-match': '"1"' },
  );
  expect(recorded.status).toBe(200);

  const timeline = await whenOnTimeline(pathId, 'ville.tyonsilta', [
    'ClientReferred',
    'ReferralAccepted',
    'IntakeCompleted',
    'ActivationPlanAgreed',
    'MeasureStarted',
    'HandoffProposed',
    'NetworkMeetingScheduled',
    'NetworkMeetingHeld',
    'ClientVoiceRecorded',
    'ActionItemAssigned',
  ]);

  // In the order they happened (ties by arrival), every service's events among them.
  const times = timeline.map((entry) => entry.occurredAt);
  expect([...times].sort()).toEqual(times);
  const typeOrder = (type: string) => timeline.findIndex((entry) => entry.eventType === type);
  expect(typeOrder('ClientReferred')).toBeLessThan(typeOrder('ReferralAccepted'));
  expect(typeOrder('ReferralAccepted')).toBeLessThan(typeOrder('IntakeCompleted'));
  expect(typeOrder('IntakeCompleted')).toBeLessThan(typeOrder('ActivationPlanAgreed'));
  expect(typeOrder('ActivationPlanAgreed')).toBeLessThan(typeOrder('MeasureStarted'));
  expect(typeOrder('MeasureStarted')).toBeLessThan(typeOrder('HandoffProposed'));
  expect(typeOrder('HandoffProposed')).toBeLessThan(typeOrder('NetworkMeetingHeld'));

  const byType = (type: string) => timeline.find((entry) => entry.eventType === type) as Entry;
  expect(byType('ClientReferred')).toMatchObject({
    sourceOrgId: org.employmentArea.id,
    dataClass: 'PATH',
  });
  expect(byType('MeasureStarted').sourceOrgId).toBe(org.tyonsilta.id);
  expect(byType('ClientVoiceRecorded')).toMatchObject({
    dataClass: 'CLIENT_VOICE',
    visibleTo: expect.arrayContaining([org.tyonsilta.id]),
  });
  expect(byType('ActionItemAssigned').dataClass).toBe('PLAN');
  for (const entry of timeline) {
    expect(entry.summary.length).toBeGreaterThan(0);
    expect(entry.visibleTo).toContain(org.tyonsilta.id);
  }

  // No identity anywhere on the timeline: not a code, not the name the referral carried.
  const text = JSON.stringify(timeline);
  expect(text).not.toMatch(IDENTITY_CODE_IN_TEXT);
  expect(text).not.toContain('Aikajana');

  // The meeting was recorded through network-meetings; transitions knows it was held for the
  // pending hand-off, so its checklist no longer says "not done".
  const checklist = await waitFor(
    async () => {
      const path = await api('GET', `/paths/${pathId}`, 'ville.tyonsilta');
      const pending = (path.body as { pendingHandoff?: { checklist: { done: boolean }[] } })
        .pendingHandoff;
      return pending?.checklist[0]?.done === true ? pending.checklist : undefined;
    },
    { timeoutMs: 20_000, description: 'the hand-off’s transition meeting done' },
  );
  expect(checklist).toEqual([
    expect.objectContaining({ item: 'TRANSITION_MEETING', done: true, meetingId }),
  ]);
  expect(handoff.handoffId).toBeDefined();
});
