import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import { gatewayClient } from './support/gateway-client';
import { entries, liveWorld, ofType } from './support/live-world';
import { serviceQuery } from './support/service-database';
import type { SseStream } from './support/sse-client';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 17 item 6: open timelines receive new entries live over SSE, access-checked per
// subscriber, resumable, audited (docs/meetings.md, "Live updates").
const org = DEMO_ORGANISATIONS;
const SERVICES = [
  'gateway',
  'client-intake',
  'transitions',
  'activation-plans',
  'network-meetings',
] as const;

let system: ServiceProcesses;
const { api, tokenOf } = gatewayClient(() => system.baseUrl);
const { acceptedPath, whenStatus, live, closeAll, pathWithGoal, recordProgress } = liveWorld({
  api,
  tokenOf,
  baseUrl: () => system.baseUrl,
  clientFamilyName: 'Elävä',
});

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES, {
    LIVE_HEARTBEAT_SECONDS: '1',
    // Small, so that a gap is easy to make: a path's first events already exceed it.
    LIVE_RESUME_MAX_ENTRIES: '3',
  });
}, 180_000);

afterEach(() => closeAll());

afterAll(async () => {
  await system?.stop();
});

describe('live timeline', () => {
  it('should push a new entry within a second of the event when a subscriber is open', async () => {
    const { pathId, goalId } = await pathWithGoal();
    const stream = await live(`/paths/${pathId}/timeline/live`, 'ville.tyonsilta');
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    // The API's security headers and no caching, as on every other answer.
    expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
    expect(stream.headers.get('cache-control')).toBe('no-store');
    expect(stream.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
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
