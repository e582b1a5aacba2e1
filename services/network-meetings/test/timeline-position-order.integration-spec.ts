import { MEETING_COMMANDS, type TimelineSinceReply } from '@polku/contracts';
import { publishThreePartyPath, type ThreePartyPath } from './support/three-party-path';
import { startTimelineService, type TimelineService } from './support/timeline-service';
import { waitForTimeline } from './support/timeline-expectations';

const ATTENDANCE = 'polku.plans.attendance.attendance-recorded.v1';

// Positions are answered as text; sorted as text, '100' would come before '98' and a live
// subscriber would go back and be sent entries again (found by the timeline bench).
describe('the order of timeline positions across a power of ten', () => {
  let service: TimelineService;
  let path: ThreePartyPath;
  let positions: string[];

  beforeAll(async () => {
    service = await startTimelineService();
    // The next entries get positions 95, 96, …, past 99 into three digits.
    await service.dataSource.query(
      "SELECT setval(pg_get_serial_sequence('timeline_entry', 'position'), 94)",
    );
    path = await publishThreePartyPath(service);
    for (let i = 0; i < 6; i += 1) {
      await path.publish(ATTENDANCE, path.provider);
    }
    await waitForTimeline(service.dataSource, path.pathId, path.events.length);
    const rows = await service.dataSource.query<{ text: string }[]>(
      `SELECT position::text AS text FROM timeline_entry WHERE path_id = $1
        ORDER BY timeline_entry.position`,
      [path.pathId],
    );
    positions = rows.map((row) => row.text);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('should answer the entries after a position in numeric order when positions cross 99 → 100', async () => {
    expect(positions.some((position) => position.length === 2)).toBe(true);
    expect(positions.some((position) => position.length === 3)).toBe(true);

    const reply = await service.ask<TimelineSinceReply>(
      MEETING_COMMANDS.timelineSince,
      path.provider,
      { pathId: path.pathId, afterPosition: '0' },
    );

    expect(reply.entries.map((entry) => entry.position)).toEqual(
      positions.filter((position) => reply.entries.some((entry) => entry.position === position)),
    );
    // The six attendance entries at least: the provider's consent covers ATTENDANCE.
    expect(reply.entries.length).toBeGreaterThanOrEqual(6);
  });

  it('should page oldest first in numeric position order when entries share an instant', async () => {
    // Entries of one instant are ordered by position alone.
    await service.dataSource.query(
      "UPDATE timeline_entry SET occurred_at = '2026-06-01T08:00:00Z' WHERE path_id = $1",
      [path.pathId],
    );

    const page = await service.ask<{ items: { position: string }[] }>(
      MEETING_COMMANDS.listTimeline,
      path.provider,
      { pathId: path.pathId, order: 'asc', limit: 100 },
    );

    const answered = page.items.map((item) => item.position);
    expect(answered).toEqual(positions.filter((position) => answered.includes(position)));
  });
});
