import { randomUUID } from 'node:crypto';
import {
  ABSENCE_REPORTED_V1,
  ATTENDANCE_RECORDED_V1,
  CLIENT_VOICE_RECORDED_V1,
  GOAL_SET_V1,
  MEASURE_PAUSED_V1,
  MEETING_COMMANDS,
  NETWORK_MEETING_CANCELLED_V1,
  type EventEnvelope,
} from '@polku/contracts';
import { newEvent } from '@polku/testing';
import { projectTimeline } from '../src/timeline/timeline-projection';
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

const percentile = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[Math.ceil((p / 100) * samples.length) - 1];

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

  it('should answer a filtered page of a 1,000-entry path within 50 ms at p95 when read over the bus', async () => {
    const timings: number[] = [];
    let cursor: string | null = null;
    for (let read = 0; read < 100; read += 1) {
      const began = performance.now();
      const page: { items: unknown[]; nextCursor: string | null } = await service.ask(
        MEETING_COMMANDS.listTimeline,
        // The social services see PATH, PLAN and ATTENDANCE and the client voice shared with
        // them: the filter drops most entries in SQL.
        read % 2 === 0 ? path.socialServices : path.provider,
        { pathId: path.pathId, limit: 25, ...(cursor && read % 2 === 1 ? { cursor } : {}) },
      );
      timings.push(performance.now() - began);
      expect(page.items.length).toBeGreaterThan(0);
      cursor = read % 2 === 0 ? null : page.nextCursor;
    }

    const p95 = percentile(timings, 95);
    process.stdout.write(
      `timeline page of a 1,000-entry path: p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms\n`,
    );
    expect(p95).toBeLessThan(50);
  });

  it('should read the page through the path’s index when the planner chooses', async () => {
    const plan = await service.dataSource.query<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN SELECT position FROM timeline_entry
        WHERE path_id = $1 AND data_class = ANY($2::text[])
        ORDER BY occurred_at DESC, position DESC LIMIT 26`,
      [path.pathId, ['PATH', 'PLAN', 'ATTENDANCE']],
    );

    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain(
      'timeline_entry_path_time_idx',
    );
  });
});
