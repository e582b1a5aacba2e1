import { DEMO_ORGANISATIONS } from '@polku/demo';
import { newOutboxEvent, publishEventAsOwner, testServiceConfig, waitFor } from '@polku/testing';
import { gatewayClient } from './support/gateway-client';
import { publishMeetingScheduled } from './support/published-meetings';
import { serviceQuery } from './support/service-database';
import { pathSeeder } from './support/seed-paths';
import { openSseStream, type ReceivedSseEvent, type SseStream } from './support/sse-client';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 17 item 6: open timelines and meeting views receive new entries live over SSE,
// access-checked per subscriber; the meeting view keeps to what everyone present may see.
const org = DEMO_ORGANISATIONS;
const SERVICES = [
  'gateway',
  'client-intake',
  'transitions',
  'activation-plans',
  'network-meetings',
] as const;
/** Small, so that a gap is easy to make: a path's first events already exceed it. */
const RESUME_MAX = 3;

let system: ServiceProcesses;
const { api, tokenOf } = gatewayClient(() => system.baseUrl);
const { acceptedPath, plannablePath, agreePlan, whenStatus } = pathSeeder(api, 'Elävä');
const streams: SseStream[] = [];

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES, {
    LIVE_HEARTBEAT_SECONDS: '1',
    LIVE_RESUME_MAX_ENTRIES: String(RESUME_MAX),
  });
}, 180_000);

afterEach(() => {
  streams.splice(0).forEach((stream) => stream.close());
});

afterAll(async () => {
  await system?.stop();
});

async function live(path: string, as: string, lastEventId?: string): Promise<SseStream> {
  const stream = await openSseStream(`${system.baseUrl}/api/v1${path}`, {
    authorization: `Bearer ${await tokenOf(as)}`,
    ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
  });
  streams.push(stream);
  return stream;
}

const entries = (events: readonly ReceivedSseEvent[]) =>
  events.filter((event) => event.event === 'entry');
const ofType = (events: readonly ReceivedSseEvent[], eventType: string) =>
  entries(events).filter((event) => event.data.eventType === eventType);

/** A path with an agreed plan of one goal: progress on it is an event both parties see. */
async function pathWithGoal(): Promise<{ pathId: string; goalId: string }> {
  const pathId = await plannablePath();
  const agreed = await agreePlan(pathId, 'tiina.tyollisyys', {
    parties: [{ orgId: org.employmentArea.id }, { orgId: org.tyonsilta.id }],
    clientAgreed: true,
    linkedPlans: [],
    goals: [
      {
        text: 'Käyn työtoiminnassa kolmena päivänä viikossa.',
        gasScale: {
          levelMinus2: 'En käy lainkaan.',
          levelMinus1: 'Käyn kerran viikossa.',
          level0: 'Käyn kolmena päivänä viikossa.',
          levelPlus1: 'Käyn neljänä päivänä viikossa.',
          levelPlus2: 'Käyn joka arkipäivä.',
        },
      },
    ],
  });
  expect(agreed.status).toBe(201);
  const plan = await whenStatus(`/paths/${pathId}/activation-plan`, 'ville.tyonsilta', 200);
  const goalId = (plan.body as { goals: { goalId: string }[] }).goals[0]?.goalId;
  if (goalId === undefined) {
    throw new Error('the plan has no goal');
  }
  return { pathId, goalId };
}

async function recordProgress(pathId: string, goalId: string, gasLevel: number): Promise<void> {
  const answer = await api(
    'POST',
    `/paths/${pathId}/activation-plan/goals/${goalId}/progress`,
    'ville.tyonsilta',
    { gasLevel, assessedBy: 'CLIENT_WITH_WORKER' },
  );
  expect(answer.status).toBe(201);
}

/** Waits until the path's timeline has caught up with its own events (nothing more to come). */
async function settledTimeline(pathId: string, as: string): Promise<string> {
  const stream = await live(`/paths/${pathId}/timeline/live`, as, '0');
  await stream.until((events) => events.some((event) => event.event === 'reset'), 'a reset');
  const reset = stream.events.find((event) => event.event === 'reset');
  stream.close();
  return String(reset?.id);
}

describe('live timeline', () => {
  it('should push a new entry within a second of the event when a subscriber is open', async () => {
    const { pathId, goalId } = await pathWithGoal();
    const stream = await live(`/paths/${pathId}/timeline/live`, 'ville.tyonsilta');
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    await recordProgress(pathId, goalId, 1);
    await stream.until(
      (events) => ofType(events, 'GoalProgressRecorded').length === 1,
      'the goal progress entry',
    );
    const [pushed] = ofType(stream.events, 'GoalProgressRecorded');
    expect(pushed?.id).toBe(pushed?.data.position);
    const delay = (pushed?.receivedAt ?? 0) - Date.parse(String(pushed?.data.occurredAt));
    expect(delay).toBeLessThan(1_000);
    // The push is a read of client data: audited with what it disclosed, before it left.
    const audit = await serviceQuery<{
      data_classes: string[];
      row_count: number;
      outcome: string;
    }>(
      system.env,
      'gateway',
      `SELECT data_classes, row_count, outcome FROM audit_record
        WHERE path_id = $1 AND route = 'GET /api/v1/paths/:pathId/timeline/live' AND org_id = $2
          AND row_count IS NOT NULL`,
      [pathId, org.tyonsilta.id],
    );
    expect(audit).toContainEqual({
      data_classes: expect.arrayContaining(['PATH', 'PLAN']),
      row_count: 1,
      outcome: 'DONE',
    });
  });

  it('should resume after a disconnect with Last-Event-ID without losing or repeating an entry', async () => {
    const { pathId, goalId } = await pathWithGoal();
    const first = await live(`/paths/${pathId}/timeline/live`, 'ville.tyonsilta');
    await recordProgress(pathId, goalId, -1);
    await first.until((events) => ofType(events, 'GoalProgressRecorded').length === 1, 'one');
    const lastSeen = String(entries(first.events).at(-1)?.id);
    first.close();

    // Two events while nobody listens, then a marker after the reconnect.
    await recordProgress(pathId, goalId, 0);
    await recordProgress(pathId, goalId, 1);
    const resumed = await live(`/paths/${pathId}/timeline/live`, 'ville.tyonsilta', lastSeen);
    await resumed.until(
      (events) => ofType(events, 'GoalProgressRecorded').length === 2,
      'the two missed entries',
    );
    await recordProgress(pathId, goalId, 2);
    await resumed.until(
      (events) => ofType(events, 'GoalProgressRecorded').length === 3,
      'the marker entry',
    );
    const ids = entries(resumed.events).map((event) => BigInt(String(event.id)));
    expect(ids.every((id) => id > BigInt(lastSeen))).toBe(true);
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      ofType(resumed.events, 'GoalProgressRecorded').map((event) => event.data.data.gasLevel),
    ).toEqual([0, 1, 2]);

    // A second client resuming from the same id gets exactly the same entries.
    const again = await live(`/paths/${pathId}/timeline/live`, 'ville.tyonsilta', lastSeen);
    await again.until((events) => entries(events).length >= ids.length, 'the same entries');
    expect(entries(again.events).map((event) => BigInt(String(event.id)))).toEqual(ids);
  });

  it('should send reset and go on from the newest entry when Last-Event-ID is beyond the gap limit', async () => {
    const { pathId, goalId } = await pathWithGoal();
    const stream = await live(`/paths/${pathId}/timeline/live`, 'ville.tyonsilta', '0');
    await stream.until((events) => events.some((event) => event.event === 'reset'), 'reset');
    const [reset] = stream.events;
    expect(reset?.event).toBe('reset');
    expect(reset?.data).toEqual({ position: reset?.id });
    expect(entries(stream.events)).toEqual([]);
    await recordProgress(pathId, goalId, 1);
    await stream.until((events) => ofType(events, 'GoalProgressRecorded').length === 1, 'new');
    expect(BigInt(String(entries(stream.events)[0]?.id))).toBeGreaterThan(
      BigInt(String(reset?.id)),
    );
  });

  it('should send heartbeats while nothing happens', async () => {
    const pathId = await acceptedPath();
    const stream = await live(`/paths/${pathId}/timeline/live`, 'ville.tyonsilta');
    await waitFor(
      () =>
        stream.comments.filter((comment) => comment.text === 'heartbeat').length >= 2
          ? true
          : undefined,
      { timeoutMs: 10_000, description: 'two heartbeats' },
    );
  });

  it('should answer 404 problem+json when the organisation cannot see the path', async () => {
    const pathId = await acceptedPath();
    const stream = await live(`/paths/${pathId}/timeline/live`, 'kaisa.kumppaniksi');
    expect(stream.status).toBe(404);
    expect(stream.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(stream.problem)).not.toContain(pathId);
  });

  it('should refuse a resume id that is no position with 400', async () => {
    const pathId = await acceptedPath();
    const stream = await live(`/paths/${pathId}/timeline/live`, 'ville.tyonsilta', 'abc');
    expect(stream.status).toBe(400);
  });

  it('should end the stream when the consent that let the subscriber see the path is withdrawn', async () => {
    const pathId = await acceptedPath({ alsoFor: [org.kumppaniksi.id] });
    const handoff = await api('POST', `/paths/${pathId}/hand-offs`, 'ville.tyonsilta', {
      destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
      receivingOrgId: org.kumppaniksi.id,
      proposedDate: '2027-03-01',
      rationaleCategory: 'NEXT_MEASURE_IN_PLAN',
      proposedBy: 'WORKER',
    });
    expect(handoff.status).toBe(201);
    await whenStatus(`/paths/${pathId}`, 'kaisa.kumppaniksi', 200);
    const stream = await live(`/paths/${pathId}/timeline/live`, 'kaisa.kumppaniksi');
    expect(stream.status).toBe(200);

    const consents = await api('GET', `/paths/${pathId}/consents`, 'tiina.tyollisyys');
    const consent = (
      consents.body as { items: { consentId: string; kind: string; version: number }[] }
    ).items.find((record) => record.kind === 'GRANT');
    const withdrawn = await api(
      'POST',
      `/paths/${pathId}/consents/${consent?.consentId}/withdrawal`,
      'tiina.tyollisyys',
      undefined,
      { 'if-match': `"${consent?.version}"` },
    );
    expect(withdrawn.status).toBe(201);
    await stream.until((events) => events.some((event) => event.event === 'end'), 'end');
    await waitFor(() => (stream.ended() ? true : undefined), { description: 'the stream closed' });
    expect(stream.events.at(-1)).toMatchObject({ event: 'end', data: { reason: 'no-access' } });
  });

  it('should answer 429 when one user opens more streams than allowed', async () => {
    const pathId = await acceptedPath();
    const open: SseStream[] = [];
    for (let index = 0; index < 10; index += 1) {
      open.push(await live(`/paths/${pathId}/timeline/live`, 'ville.tyonsilta'));
    }
    expect(open.map((stream) => stream.status)).toEqual(new Array(10).fill(200));
    const refused = await live(`/paths/${pathId}/timeline/live`, 'ville.tyonsilta');
    expect(refused.status).toBe(429);
    expect(refused.problem).toMatchObject({ type: 'urn:polku:problem:rate-limited' });
    open[0]?.close();
    await waitFor(
      async () => {
        const retry = await live(`/paths/${pathId}/timeline/live`, 'ville.tyonsilta');
        return retry.status === 200 ? true : undefined;
      },
      { description: 'room for one more stream after closing one' },
    );
  });
});

/** A meeting of the path going on now, once network-meetings has it on the timeline. */
async function scheduledMeeting(pathId: string, invitees: readonly string[]): Promise<string> {
  const meetingId = await publishMeetingScheduled(system.env, pathId, invitees);
  await whenStatus(`/paths/${pathId}/meetings/${meetingId}/view`, 'tiina.tyollisyys', 200);
  return meetingId;
}

describe('meeting mode', () => {
  it('should show the plan when every organisation present may see PLAN and hide it when one may not', async () => {
    const { pathId, goalId } = await pathWithGoal();
    await recordProgress(pathId, goalId, 1);
    await settledTimeline(pathId, 'tiina.tyollisyys');
    const covered = await scheduledMeeting(pathId, [org.employmentArea.id, org.tyonsilta.id]);
    const shown = await api('GET', `/paths/${pathId}/meetings/${covered}/view`, 'tiina.tyollisyys');
    expect(shown.status).toBe(200);
    expect(shown.body.withheld).toEqual([]);
    expect(shown.body.plan.goals).toEqual([expect.objectContaining({ goalId, gasLevel: 1 })]);
    expect(shown.body.presentOrgIds).toEqual([org.employmentArea.id, org.tyonsilta.id]);

    // Kumppaniksi is named in no consent of this path: nothing of PLAN for the shared screen.
    const uncovered = await scheduledMeeting(pathId, [
      org.employmentArea.id,
      org.tyonsilta.id,
      org.kumppaniksi.id,
    ]);
    const hidden = await api(
      'GET',
      `/paths/${pathId}/meetings/${uncovered}/view`,
      'tiina.tyollisyys',
    );
    expect(hidden.status).toBe(200);
    expect(hidden.body.withheld).toContain('PLAN');
    expect(hidden.body).not.toHaveProperty('plan');
    expect(hidden.body).not.toHaveProperty('openActionItems');
    expect(JSON.stringify(hidden.body)).not.toContain('Käyn työtoiminnassa');
    expect(
      (hidden.body.latestEntries as { dataClass: string }[]).some(
        (entry) => entry.dataClass === 'PLAN',
      ),
    ).toBe(false);
    expect(JSON.stringify(hidden.body)).not.toMatch(/\d{6}[-+A]\d{3}[0-9A-Y]/);
  });

  it('should stream only entries every invitee may see when the meeting view is live', async () => {
    const { pathId, goalId } = await pathWithGoal();
    await settledTimeline(pathId, 'tiina.tyollisyys');
    const covered = await scheduledMeeting(pathId, [org.employmentArea.id, org.tyonsilta.id]);
    const uncovered = await scheduledMeeting(pathId, [org.employmentArea.id, org.kumppaniksi.id]);
    const view = await api('GET', `/paths/${pathId}/meetings/${covered}/view`, 'tiina.tyollisyys');
    const sharedScreen = await live(
      `/paths/${pathId}/meetings/${covered}/live`,
      'tiina.tyollisyys',
      view.body.position,
    );
    const narrowScreen = await live(
      `/paths/${pathId}/meetings/${uncovered}/live`,
      'tiina.tyollisyys',
      view.body.position,
    );
    expect([sharedScreen.status, narrowScreen.status]).toEqual([200, 200]);
    await recordProgress(pathId, goalId, 2);
    await sharedScreen.until(
      (events) => ofType(events, 'GoalProgressRecorded').length === 1,
      'the PLAN entry on the screen everyone present may see it on',
    );
    // The narrow screen's heartbeat catch-up has run by the time two heartbeats arrived.
    const beats = narrowScreen.comments.length;
    await waitFor(() => (narrowScreen.comments.length >= beats + 2 ? true : undefined), {
      timeoutMs: 10_000,
      description: 'two more heartbeats',
    });
    expect(ofType(narrowScreen.events, 'GoalProgressRecorded')).toEqual([]);
  });
});
