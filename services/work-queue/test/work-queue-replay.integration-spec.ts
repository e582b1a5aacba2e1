import { CONSUMED_EVENT_SUBJECTS, natsLinkOptionsFor, OPERATOR } from '@polku/bus-permissions';
import { durableName, NatsLink, rebuildProjection, streamNames } from '@polku/messaging';
import { openServiceDataSource } from '@polku/persistence';
import { WORK_QUEUE_MIGRATIONS, WORK_QUEUE_PROJECTION_TABLES } from '../src/database/schema';
import { publishSealed, seal, shuffled, type SealedEvent } from './support/envelopes';
import { weekOfPaths } from './support/scenario';
import { snapshotOf, type QueueSnapshot } from './support/snapshot';
import {
  startWorkQueueService,
  waitForConsumed,
  workQueueTestConfig,
  type WorkQueueService,
} from './support/work-queue-service';

const scenario = weekOfPaths();
const events: SealedEvent[] = seal(scenario.events);
const ids = events.map((event) => event.envelope.id);

async function snapshot(service: WorkQueueService): Promise<QueueSnapshot> {
  return snapshotOf(service, scenario.orgs, scenario.pathIds);
}

describe('the work queue rebuilt by replay', () => {
  let live: QueueSnapshot;

  it('should hold the same queues, caseloads and rows when truncated and replayed', async () => {
    const config = workQueueTestConfig();
    let service = await startWorkQueueService(config);
    try {
      await publishSealed(config, events);
      await waitForConsumed(service.dataSource, ids);
      live = await snapshot(service);
    } finally {
      await service.close();
    }
    // The week leaves work on several desks, some of it cleared: the comparison is not empty.
    expect(
      (live.tables.work_item as Array<{ cleared: boolean }>).filter((row) => !row.cleared).length,
    ).toBeGreaterThanOrEqual(5);
    expect(
      (live.tables.work_item as Array<{ cleared: boolean }>).filter((row) => row.cleared).length,
    ).toBeGreaterThanOrEqual(5);

    // The operator command's work (docs/work-queue.md, rebuild): rebuild-projection --all-durables.
    const dataSource = await openServiceDataSource({
      service: 'work-queue',
      config,
      entities: [],
      migrations: WORK_QUEUE_MIGRATIONS,
    });
    const link = new NatsLink(natsLinkOptionsFor(config, OPERATOR, 'polku-test-rebuild'));
    try {
      await rebuildProjection({
        dataSource,
        link,
        stream: streamNames(config.NATS_NAMESPACE).events,
        // What --all-durables names: one durable per consumed subject.
        durables: CONSUMED_EVENT_SUBJECTS['work-queue'].map((subject) =>
          durableName('work-queue', subject),
        ),
        tables: [...WORK_QUEUE_PROJECTION_TABLES],
      });
      expect(await dataSource.query('SELECT 1 FROM work_item')).toEqual([]);
      expect(await dataSource.query('SELECT 1 FROM path_card')).toEqual([]);
    } finally {
      await link.close();
      await dataSource.destroy();
    }

    service = await startWorkQueueService(config);
    try {
      await waitForConsumed(service.dataSource, ids);
      expect(await snapshot(service)).toEqual(live);
    } finally {
      await service.close();
    }
  });

  it('should come to the same state when the events arrive in another order', async () => {
    const service = await startWorkQueueService();
    try {
      // One at a time in a shuffled order, so that every clear can come before its opening.
      for (const event of shuffled(events, 20260712)) {
        await publishSealed(service.config, [event]);
        await waitForConsumed(service.dataSource, [event.envelope.id]);
      }
      expect(await snapshot(service)).toEqual(live);
    } finally {
      await service.close();
    }
  });
});
