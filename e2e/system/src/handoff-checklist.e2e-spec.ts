import { randomUUID } from 'node:crypto';
import { NETWORK_MEETING_HELD_V1, type MeetingKind } from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { newOutboxEvent, publishEventAsOwner, testServiceConfig, waitFor } from '@polku/testing';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import { gatewayClient } from './support/gateway-client';
import { serviceQuery } from './support/service-database';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';
import { pathSeeder } from './support/seed-paths';

// A transition meeting held for a pending hand-off, as the gateway answers the path: the
// hand-off's checklist says done (docs/transitions.md). The meeting is published as
// network-meetings publishes NetworkMeetingHeld, so this holds whichever way it is recorded.
const org = DEMO_ORGANISATIONS;
const SERVICES = ['gateway', 'client-intake', 'activation-plans', 'transitions'] as const;

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);
const { acceptedPath } = pathSeeder(api, 'Tarkistus');

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

interface HandoffRead {
  readonly handoffId: string;
  readonly checklist: { item: string; done: boolean; meetingId?: string; heldAt?: string }[];
}

async function pendingHandoffOf(pathId: string): Promise<HandoffRead | null> {
  const answer = await api('GET', `/paths/${pathId}`, 'ville.tyonsilta');
  return answer.status === 200
    ? ((answer.body as { pendingHandoff: HandoffRead | null }).pendingHandoff ?? null)
    : null;
}

/** Työnsilta accepted the referral and proposed Kumppaniksi as the next step: the hand-off. */
async function pathWithPendingHandoff(): Promise<{ pathId: string; handoff: HandoffRead }> {
  const pathId = await acceptedPath({ alsoFor: [org.kumppaniksi.id] });
  const handoff = await waitFor(
    async () => {
      const proposed = await api('POST', `/paths/${pathId}/hand-offs`, 'ville.tyonsilta', {
        destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
        receivingOrgId: org.kumppaniksi.id,
        proposedDate: addCalendarDays(finnishDateOf(new Date()), 30),
        rationaleCategory: 'NEXT_MEASURE_IN_PLAN',
        proposedBy: 'WORKER',
      });
      return proposed.status === 201
        ? (proposed.body as { pendingHandoff: HandoffRead }).pendingHandoff
        : undefined;
    },
    { timeoutMs: 20_000, description: `a hand-off proposed on ${pathId}` },
  );
  return { pathId, handoff };
}

async function meetingHeld(pathId: string, kind: MeetingKind, handoffId: string) {
  const meetingId = randomUUID();
  const heldAt = new Date(Date.now() - 3_600_000).toISOString();
  const event = newOutboxEvent(NETWORK_MEETING_HELD_V1.subject, {
    pathId,
    data: { meetingId, kind, heldAt, endedAt: new Date().toISOString(), handoffId },
  });
  await publishEventAsOwner(
    testServiceConfig({ ...system.env }),
    NETWORK_MEETING_HELD_V1.subject,
    event,
  );
  return { meetingId, heldAt };
}

it('should answer a pending hand-off’s transition meeting as done through the gateway once a transition meeting was held for it, naming that meeting and not the progress meeting held before it', async () => {
  const { pathId, handoff } = await pathWithPendingHandoff();
  expect(handoff.checklist).toEqual([{ item: 'TRANSITION_MEETING', done: false }]);

  await meetingHeld(pathId, 'PROGRESS_MEETING', handoff.handoffId);
  const held = await meetingHeld(pathId, 'TRANSITION_MEETING', handoff.handoffId);

  const done = await waitFor(
    async () => {
      const read = await pendingHandoffOf(pathId);
      return read?.checklist[0]?.done === true ? read : undefined;
    },
    { timeoutMs: 20_000, description: 'the hand-off’s transition meeting done' },
  );
  expect(done.checklist).toEqual([
    { item: 'TRANSITION_MEETING', done: true, meetingId: held.meetingId, heldAt: held.heldAt },
  ]);
  const deadLetters = await serviceQuery<{ subject: string }>(
    system.env,
    'transitions',
    'SELECT subject FROM dead_letter WHERE payload LIKE $1',
    [`%${pathId}%`],
  );
  expect(deadLetters).toEqual([]);
});
