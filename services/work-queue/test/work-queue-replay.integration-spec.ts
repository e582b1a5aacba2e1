import { seal } from './support/envelopes';
import { weekOfPaths } from './support/scenario';
import { snapshotOf, type QueueSnapshot } from './support/snapshot';
import {
  startWorkQueueService,
  waitForConsumed,
  workQueueTestConfig,
  type WorkQueueService,
} from './support/work-queue-service';
import { publishSealed, rebuildByReplay, shuffled, type SealedEvent } from '@polku/testing';
import { WORK_QUEUE_PROJECTION } from './support/rebuild';

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
    const rowsLeft = await rebuildByReplay(config, WORK_QUEUE_PROJECTION);
    expect(rowsLeft).toMatchObject({ work_item: 0, path_card: 0 });

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
