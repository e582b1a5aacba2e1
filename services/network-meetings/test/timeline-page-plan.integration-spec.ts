import { randomUUID } from 'node:crypto';
import {
  ABSENCE_REPORTED_V1,
  ATTENDANCE_RECORDED_V1,
  CLIENT_VOICE_RECORDED_V1,
  GOAL_SET_V1,
  MEASURE_PAUSED_V1,
  NETWORK_MEETING_CANCELLED_V1,
  type EventEnvelope,
} from '@polku/contracts';
import { newEvent } from '@polku/testing';
import { projectTimeline } from '../src/timeline/timeline-projection';
import { timelinePageSql } from '../src/timeline/timeline.repository';
import { publishThreePartyPath, type ThreePartyPath } from './support/three-party-path';
import { waitForTimeline } from './support/timeline-expectations';
import { startTimelineService, type TimelineService } from './support/timeline-service';

const SUBJECTS = [
  ATTENDANCE_RECORDED_V1.subject,
  ABSENCE_REPORTED_V1.subject,
  MEASURE_PAUSED_V1.subject,
  GOAL_SET_V1.subject,
  NETWORK_MEETING_CANCELLED_V1.subject,
  CLIENT_VOICE_RECORDED_V1.subject,
] as const;

/** `count` events of mixed data classes on one path, a second apart. */
function eventsOf(pathId: string, count: number, from: number): EventEnvelope<unknown>[] {
  return Array.from({ length: count }, (_, index) => {
    const event = newEvent(SUBJECTS[index % SUBJECTS.length], { pathId });
    return { ...event, occurredAt: new Date(from + index * 1000).toISOString() } as never;
  });
}

// How fast a page is read is measured by the benchmark (docs/performance.md, timeline), not
// asserted here: this test holds the query plan that makes it fast — the path's index, no sort.
describe('a timeline page of a long path', () => {
  let service: TimelineService;
  let path: ThreePartyPath;

  beforeAll(async () => {
    service = await startTimelineService();
    path = await publishThreePartyPath(service);
    await waitForTimeline(service.dataSource, path.pathId, path.events.length);
    const start = Date.now() - 86_400_000;
    // 1,000 entries on the path, among 20,000 of other paths.
    await service.dataSource.transaction(async (em) => {
      await projectTimeline(em, eventsOf(path.pathId, 1000, start));
      for (let other = 0; other < 20; other += 1) {
        await projectTimeline(em, eventsOf(randomUUID(), 1000, start));
      }
    });
    await service.dataSource.query('ANALYZE timeline_entry');
  });

  afterAll(async () => {
    await service?.close();
  });

  it.each(['asc', 'desc'] as const)(
    'should read a page %s through the path’s index without sorting when filtered for a caller',
    async (order) => {
      const { sql, parameters } = timelinePageSql({
        pathId: path.pathId,
        viewer: { orgId: path.socialServices.orgId, isParty: true, dataClasses: ['PATH', 'PLAN'] },
        order,
        limit: 25,
      });

      const plan = await service.dataSource.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, [
        ...parameters,
      ]);

      const text = plan.map((row) => row['QUERY PLAN']).join('\n');
      expect(text).toContain('timeline_entry_path_time_idx');
      expect(text).not.toMatch(/\bSort\b/);
    },
  );
});
