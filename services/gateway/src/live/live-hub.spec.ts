import type { Principal } from '@polku/auth';
import type { GatewayConfig } from '@polku/config';
import type { NatsLink } from '@polku/messaging';
import type { LiveAudit } from './live-audit';
import { LiveHub } from './live-hub';
import type { LiveFetchResult, LiveSubscription } from './live-subscriber';
import type { LiveTimelineFetcher } from './live-timeline.fetcher';

const PATH_A = '11111111-1111-4111-8111-111111111111';
const PATH_B = '22222222-2222-4222-8222-222222222222';

const principal = (userId: string): Principal => ({
  userId,
  orgId: '33333333-3333-4333-8333-333333333333',
  orgRole: 'PROVIDER',
  roles: ['CASEWORKER'],
  issuer: 'test',
});

const subscription = (pathId: string, userId = 'u-1'): LiveSubscription => ({
  pathId,
  principal: principal(userId),
  route: 'GET /api/v1/paths/:pathId/timeline/live',
  requestId: 'r-1',
  correlationId: null,
});

/** The hub with a fetcher that records who fetched from where and answers nothing new. */
function hubWith(limit = 10) {
  const fetched: { pathId: string; after: string }[] = [];
  const fetcher = {
    after: (sub: LiveSubscription, after: string): Promise<LiveFetchResult> => {
      fetched.push({ pathId: sub.pathId, after });
      return Promise.resolve({ kind: 'entries', entries: [], more: false });
    },
  } as unknown as LiveTimelineFetcher;
  const config = {
    LIVE_HEARTBEAT_SECONDS: 15,
    LIVE_SUBSCRIBERS_PER_USER: limit,
  } as GatewayConfig;
  const hub = new LiveHub(config, {} as NatsLink, fetcher, {} as LiveAudit);
  const sink = () => ({ write: () => undefined, close: () => undefined });
  return { hub, fetched, sink };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('LiveHub', () => {
  afterEach(() => jest.useRealTimers());

  it('should poke only the subscribers of a noticed path that are behind its position', async () => {
    const { hub, fetched, sink } = hubWith();
    hub.open(subscription(PATH_A), '5', sink());
    hub.open(subscription(PATH_A), '9', sink());
    hub.open(subscription(PATH_B), '1', sink());
    await flush();
    fetched.splice(0);

    hub.onNotice([{ pathId: PATH_A, position: '7' }]);
    await flush();

    expect(fetched).toEqual([{ pathId: PATH_A, after: '5' }]);
  });

  it('should refuse one more stream of a user when the user holds the limit, and make room when one closes', () => {
    const { hub, sink } = hubWith(2);
    const first = hub.open(subscription(PATH_A, 'u-1'), '0', sink());
    hub.open(subscription(PATH_B, 'u-1'), '0', sink());
    expect(hub.hasRoomFor(subscription(PATH_A, 'u-1'))).toBe(false);
    expect(hub.hasRoomFor(subscription(PATH_A, 'u-2'))).toBe(true);
    first.close();
    expect(hub.hasRoomFor(subscription(PATH_A, 'u-1'))).toBe(true);
    expect(hub.size).toBe(1);
  });

  it('should heartbeat and catch up each stream a heartbeat interval after it opened', async () => {
    const { hub, fetched } = hubWith();
    const written: string[][] = [[], []];
    const sinkOf = (index: number) => ({
      write: (chunk: string) => written[index]?.push(chunk),
      close: () => undefined,
    });
    // Heartbeats run on performance.now(), which fake timers move with advanceTimersByTime.
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    const opened = performance.now();
    hub.open(subscription(PATH_A), '0', sinkOf(0));
    await flush();
    fetched.splice(0);
    hub.tick(opened + 14_000);
    jest.advanceTimersByTime(14_000);
    hub.open(subscription(PATH_B), '0', sinkOf(1));
    await flush();
    fetched.splice(0);

    hub.tick(opened + 15_000);
    await flush();
    expect(written[0]).toEqual([': heartbeat\n\n']);
    expect(written[1]).toEqual([]);
    expect(fetched).toEqual([{ pathId: PATH_A, after: '0' }]);
  });

  it('should forget a path when its last subscriber closes', async () => {
    const { hub, fetched, sink } = hubWith();
    const only = hub.open(subscription(PATH_A), '0', sink());
    await flush();
    only.close();
    fetched.splice(0);
    hub.onNotice([{ pathId: PATH_A, position: '3' }]);
    await flush();
    expect(fetched).toEqual([]);
    expect(hub.size).toBe(0);
  });
});
