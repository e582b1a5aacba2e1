import { TIMELINE_APPENDED_SUBJECT, type TimelineAppendedNotice } from '@polku/contracts';
import { namespacedSubject, type NatsLink } from '@polku/messaging';
import { testToolsLink, waitFor } from '@polku/testing';
import type { Subscription } from '@nats-io/transport-node';
import { TimelineNoticeRelay } from '../src/live/timeline-notice.relay';
import { publishThreePartyPath } from './support/three-party-path';
import { waitForTimeline } from './support/timeline-expectations';
import { startTimelineService, type TimelineService } from './support/timeline-service';

// The relay (docs/meetings.md, "Live updates"): pg_notify at the timeline's commit becomes one
// core NATS notice per window with each path's highest position, and a lost LISTEN connection
// is made again.
describe('the timeline notice relay', () => {
  let service: TimelineService;
  let link: NatsLink;
  let subscription: Subscription;
  const notices: TimelineAppendedNotice[] = [];

  beforeAll(async () => {
    service = await startTimelineService();
    link = testToolsLink(service.config, 'polku-test-live-notices');
    subscription = (await link.connect()).subscribe(
      namespacedSubject(service.config.NATS_NAMESPACE, TIMELINE_APPENDED_SUBJECT),
      {
        callback: (error, message) => {
          if (error === null) {
            notices.push(message.json());
          }
        },
      },
    );
    await waitFor(() => (service.app.get(TimelineNoticeRelay).isListening ? true : undefined), {
      description: 'the relay to LISTEN',
    });
  });

  afterAll(async () => {
    subscription?.unsubscribe();
    await link?.close();
    await service?.close();
  });

  /** The highest position a notice has named for the path so far. */
  const noticedPosition = (pathId: string): bigint =>
    notices
      .flatMap((notice) => notice.paths)
      .filter((path) => path.pathId === pathId)
      .reduce(
        (highest, path) => (BigInt(path.position) > highest ? BigInt(path.position) : highest),
        0n,
      );

  const highestPosition = async (pathId: string): Promise<bigint> => {
    const [row] = await service.dataSource.query<{ position: string }[]>(
      'SELECT max(position)::text AS position FROM timeline_entry WHERE path_id = $1',
      [pathId],
    );
    return BigInt(row.position);
  };

  it('should publish the path with its highest position when entries are appended', async () => {
    const path = await publishThreePartyPath(service);
    await waitForTimeline(service.dataSource, path.pathId, path.events.length);
    const highest = await highestPosition(path.pathId);
    await waitFor(() => (noticedPosition(path.pathId) === highest ? true : undefined), {
      description: `a notice up to ${highest}`,
    });
    // Notices carry where to look, never client data.
    for (const notice of notices) {
      for (const entry of notice.paths) {
        expect(Object.keys(entry).sort()).toEqual(['pathId', 'position']);
      }
    }
  });

  it('should LISTEN again and go on relaying when its connection is cut', async () => {
    const listeners = () =>
      service.dataSource.query<{ pid: number }[]>(
        `SELECT pid FROM pg_stat_activity
          WHERE application_name = 'polku-network-meetings-live' AND datname = current_database()
            AND query = 'LISTEN timeline_appended'`,
      );
    const [before] = await listeners();
    expect(before).toBeDefined();
    await service.dataSource.query('SELECT pg_terminate_backend($1)', [before?.pid]);
    // A new connection of the relay holds the LISTEN: the old one is gone.
    await waitFor(
      async () => {
        const now = await listeners();
        return now.length === 1 && now[0]?.pid !== before?.pid ? true : undefined;
      },
      { description: 'LISTEN on a new connection' },
    );
    const path = await publishThreePartyPath(service);
    await waitForTimeline(service.dataSource, path.pathId, path.events.length);
    const highest = await highestPosition(path.pathId);
    await waitFor(() => (noticedPosition(path.pathId) === highest ? true : undefined), {
      description: `a notice up to ${highest} after the reconnect`,
    });
  });
});
