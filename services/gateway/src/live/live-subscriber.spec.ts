import type { Principal } from '@polku/auth';
import {
  type LiveFetchResult,
  LiveSubscriber,
  type LiveSubscriberPort,
  type LiveSubscription,
} from './live-subscriber';
import type { TimelineEntryView } from '@polku/contracts';

const principal: Principal = {
  userId: 'u-1',
  orgId: '11111111-1111-4111-8111-111111111111',
  orgRole: 'PROVIDER',
  roles: ['CASEWORKER'],
  issuer: 'test',
};
const subscription: LiveSubscription = {
  pathId: '22222222-2222-4222-8222-222222222222',
  principal,
  route: 'GET /api/v1/paths/:pathId/timeline/live',
  requestId: 'r-1',
  correlationId: null,
};

const entry = (position: number): TimelineEntryView => ({
  position: String(position),
  eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
  eventType: 'MeasureStarted',
  kind: 'MEASURE',
  occurredAt: '2026-12-07T08:00:00.000Z',
  dataClass: 'PATH',
  sourceOrgId: principal.orgId,
  sourceOrgRole: 'PROVIDER',
  summary: `entry ${position}`,
  data: {},
  visibleTo: [principal.orgId],
});

/** A fetch that waits until the test answers it, so the test decides what is in flight. */
class ScriptedPort implements LiveSubscriberPort {
  readonly fetches: { after: string; answer: (result: LiveFetchResult) => void }[] = [];
  readonly audited: string[][] = [];
  auditAnswer: 'recorded' | 'refused' | 'failed' = 'recorded';
  closedCount = 0;

  fetchAfter(_subscriber: LiveSubscriber, after: string): Promise<LiveFetchResult> {
    return new Promise((answer) => this.fetches.push({ after, answer }));
  }

  audit(_subscriber: LiveSubscriber, entries: readonly TimelineEntryView[]) {
    this.audited.push(entries.map((item) => item.position));
    return Promise.resolve(this.auditAnswer);
  }

  closed(): void {
    this.closedCount += 1;
  }
}

function subscriberWith(port: ScriptedPort, position = '0') {
  const written: string[] = [];
  let closed = false;
  const subscriber = new LiveSubscriber(
    subscription,
    position,
    { write: (chunk) => written.push(chunk), close: () => (closed = true) },
    port,
  );
  return { subscriber, written, isClosed: () => closed };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('LiveSubscriber', () => {
  it('should keep one fetch in flight and make one more after it when poked meanwhile', async () => {
    const port = new ScriptedPort();
    const { subscriber, written } = subscriberWith(port);
    const done = subscriber.poke();
    void subscriber.poke();
    void subscriber.poke();
    await flush();
    expect(port.fetches.map((fetch) => fetch.after)).toEqual(['0']);
    port.fetches[0]?.answer({ kind: 'entries', entries: [entry(1), entry(2)], more: false });
    await flush();
    // The pokes during the first fetch made exactly one more, from the new position.
    expect(port.fetches.map((fetch) => fetch.after)).toEqual(['0', '2']);
    port.fetches[1]?.answer({ kind: 'entries', entries: [entry(3)], more: false });
    await done;
    expect(port.fetches).toHaveLength(2);
    expect(written.filter((chunk) => chunk.startsWith('id:'))).toEqual([
      expect.stringMatching(/^id: 1\nevent: entry\n/),
      expect.stringMatching(/^id: 2\nevent: entry\n/),
      expect.stringMatching(/^id: 3\nevent: entry\n/),
    ]);
    expect(port.audited).toEqual([['1', '2'], ['3']]);
    expect(subscriber.lastPosition).toBe('3');
  });

  it('should send an entry once when a fetch answers it again', async () => {
    const port = new ScriptedPort();
    const { subscriber, written } = subscriberWith(port, '5');
    const done = subscriber.poke();
    await flush();
    port.fetches[0]?.answer({
      kind: 'entries',
      entries: [entry(4), entry(5), entry(6)],
      more: false,
    });
    await done;
    expect(written.filter((chunk) => chunk.startsWith('id:'))).toHaveLength(1);
    expect(port.audited).toEqual([['6']]);
  });

  it('should fetch again at once when a fetch was full', async () => {
    const port = new ScriptedPort();
    const { subscriber } = subscriberWith(port);
    const done = subscriber.poke();
    await flush();
    port.fetches[0]?.answer({ kind: 'entries', entries: [entry(1)], more: true });
    await flush();
    port.fetches[1]?.answer({ kind: 'entries', entries: [], more: false });
    await done;
    expect(port.fetches.map((fetch) => fetch.after)).toEqual(['0', '1']);
  });

  it('should send reset with the newest position and go on from it when the gap is too large', async () => {
    const port = new ScriptedPort();
    const { subscriber, written } = subscriberWith(port, '3');
    const done = subscriber.poke();
    await flush();
    port.fetches[0]?.answer({ kind: 'gap', newest: '900' });
    await done;
    expect(written).toEqual(['id: 900\nevent: reset\ndata: {"position":"900"}\n\n']);
    expect(subscriber.lastPosition).toBe('900');
  });

  it('should send end and close when the service says the path is gone', async () => {
    const port = new ScriptedPort();
    const { subscriber, written, isClosed } = subscriberWith(port);
    const done = subscriber.poke();
    await flush();
    port.fetches[0]?.answer({ kind: 'gone' });
    await done;
    expect(written).toEqual(['event: end\ndata: {"reason":"no-access"}\n\n']);
    expect(isClosed()).toBe(true);
    expect(port.closedCount).toBe(1);
    await subscriber.poke();
    subscriber.heartbeat();
    expect(port.fetches).toHaveLength(1);
    expect(written).toHaveLength(1);
  });

  it('should send nothing and end when the audit refuses the push', async () => {
    const port = new ScriptedPort();
    port.auditAnswer = 'refused';
    const { subscriber, written, isClosed } = subscriberWith(port);
    const done = subscriber.poke();
    await flush();
    port.fetches[0]?.answer({ kind: 'entries', entries: [entry(1)], more: false });
    await done;
    expect(written.some((chunk) => chunk.includes('event: entry'))).toBe(false);
    expect(isClosed()).toBe(true);
  });

  it('should send nothing and keep its position when the audit could not be written', async () => {
    const port = new ScriptedPort();
    port.auditAnswer = 'failed';
    const { subscriber, written, isClosed } = subscriberWith(port);
    const done = subscriber.poke();
    await flush();
    port.fetches[0]?.answer({ kind: 'entries', entries: [entry(1)], more: true });
    await done;
    expect(written).toEqual([]);
    expect(subscriber.lastPosition).toBe('0');
    expect(isClosed()).toBe(false);
    expect(port.fetches).toHaveLength(1);
  });

  it('should end instead of fetching when the token it was opened with has expired', async () => {
    const port = new ScriptedPort();
    const written: string[] = [];
    const subscriber = new LiveSubscriber(
      { ...subscription, expiresAt: Date.now() - 1 },
      '0',
      { write: (chunk) => written.push(chunk), close: () => undefined },
      port,
    );
    await subscriber.poke();
    subscriber.heartbeat();
    expect(port.fetches).toEqual([]);
    expect(written).toEqual(['event: end\ndata: {"reason":"token-expired"}\n\n']);
    expect(subscriber.isOpen).toBe(false);
  });

  it('should write a heartbeat comment when the hub ticks', () => {
    const { subscriber, written } = subscriberWith(new ScriptedPort());
    subscriber.heartbeat();
    expect(written).toEqual([': heartbeat\n\n']);
  });

  it('should say it is behind only when a notice names a later position', () => {
    const { subscriber } = subscriberWith(new ScriptedPort(), '10');
    expect(subscriber.isBehind('9')).toBe(false);
    expect(subscriber.isBehind('10')).toBe(false);
    expect(subscriber.isBehind('11')).toBe(true);
  });
});
