import { MEETING_COMMANDS, type TimelineSinceReply } from '@polku/contracts';
import { publishThreePartyPath, type ThreePartyPath } from './support/three-party-path';
import { waitForTimeline } from './support/timeline-expectations';
import { startTimelineService, type TimelineService } from './support/timeline-service';

// Positions are bigints read as text: every ORDER BY must sort the column, not its text alias,
// or a live subscriber gets '10' before '9' and resumes from the wrong place.
describe('timeline positions across a digit boundary', () => {
  let service: TimelineService;
  let path: ThreePartyPath;

  beforeAll(async () => {
    service = await startTimelineService();
    path = await publishThreePartyPath(service);
    for (let index = 0; index < 10; index += 1) {
      await path.publish('polku.plans.attendance.attendance-recorded.v1', path.provider);
    }
    await waitForTimeline(service.dataSource, path.pathId, path.events.length);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('should answer the entries after a position in numeric order when positions pass 9', async () => {
    const all = await service.dataSource.query<{ position: string }[]>(
      'SELECT position::text AS position FROM timeline_entry WHERE path_id = $1 ORDER BY 1',
      [path.pathId],
    );
    // The text order of the positions differs from their order: the case under test.
    const numeric = all.map((row) => row.position).sort((a, b) => Number(a) - Number(b));
    expect(numeric.some((position) => position.length > numeric[0].length)).toBe(true);

    const reply = await service.ask<TimelineSinceReply>(
      MEETING_COMMANDS.timelineSince,
      path.provider,
      { pathId: path.pathId, afterPosition: numeric[1] },
    );

    expect(reply.entries.map((entry) => entry.position)).toEqual(
      numeric.slice(2).filter((position) => reply.entries.some((e) => e.position === position)),
    );
    const positions = reply.entries.map((entry) => Number(entry.position));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.length).toBeGreaterThan(8);
  });
});
