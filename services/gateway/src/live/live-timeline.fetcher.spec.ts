import type { Principal } from '@polku/auth';
import type { ServiceCommandBus } from '../service-client/service-command-bus';
import { LiveTimelineFetcher } from './live-timeline.fetcher';
import type { LiveSubscription } from './live-subscriber';

const PATH_ID = '3f2b8c1e-5d4a-4e6f-9b7c-1a2d3e4f5a6b';

function principalOf(userId: string, orgId: string): Principal {
  return {
    userId,
    orgId,
    orgRole: 'PROVIDER',
    roles: ['CASEWORKER'],
    issuer: 'https://issuer.example',
  };
}

function subscriptionOf(principal: Principal, visibleToAllOf?: string[]): LiveSubscription {
  return {
    pathId: PATH_ID,
    principal,
    route: 'GET /api/v1/paths/:pathId/timeline/live',
    requestId: 'r',
    correlationId: null,
    ...(visibleToAllOf === undefined ? {} : { visibleToAllOf }),
  };
}

/** A bus that answers each timelineSince when told to, and counts the requests. */
function heldBus() {
  const waiting: (() => void)[] = [];
  const asked: { principal: Principal }[] = [];
  const bus = {
    send: (_subject: string, _body: unknown, metadata: { principal: Principal }) => {
      asked.push({ principal: metadata.principal });
      return new Promise((resolve) =>
        waiting.push(() => resolve({ entries: [], gapTooLarge: false })),
      );
    },
  } as unknown as ServiceCommandBus;
  return { bus, asked, answerAll: () => waiting.splice(0).forEach((answer) => answer()) };
}

describe('LiveTimelineFetcher', () => {
  it('should share one fetch in flight when two streams of one organisation ask for the same entries', async () => {
    const { bus, asked, answerAll } = heldBus();
    const fetcher = new LiveTimelineFetcher(bus);

    const first = fetcher.after(subscriptionOf(principalOf('u1', 'org-a')), '10');
    const second = fetcher.after(subscriptionOf(principalOf('u2', 'org-a')), '10');
    answerAll();

    expect(await first).toEqual(await second);
    expect(asked).toHaveLength(1);
  });

  it('should fetch apart when the organisation, the position or the meeting filter differs', async () => {
    const { bus, asked, answerAll } = heldBus();
    const fetcher = new LiveTimelineFetcher(bus);

    const fetches = [
      fetcher.after(subscriptionOf(principalOf('u1', 'org-a')), '10'),
      fetcher.after(subscriptionOf(principalOf('u2', 'org-b')), '10'),
      fetcher.after(subscriptionOf(principalOf('u3', 'org-a')), '11'),
      fetcher.after(subscriptionOf(principalOf('u4', 'org-a'), ['org-a', 'org-b']), '10'),
    ];
    answerAll();
    await Promise.all(fetches);

    expect(asked.map((request) => request.principal.userId)).toEqual(['u1', 'u2', 'u3', 'u4']);
  });

  it('should fetch again when the shared fetch has been answered', async () => {
    const { bus, asked, answerAll } = heldBus();
    const fetcher = new LiveTimelineFetcher(bus);

    const first = fetcher.after(subscriptionOf(principalOf('u1', 'org-a')), '10');
    answerAll();
    await first;
    const again = fetcher.after(subscriptionOf(principalOf('u2', 'org-a')), '10');
    answerAll();
    await again;

    expect(asked).toHaveLength(2);
  });
});
