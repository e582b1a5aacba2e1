import { randomUUID } from 'node:crypto';
import { MEETING_COMMANDS, type TimelineEntryView } from '@polku/contracts';
import { NETWORK_MEETINGS_MIGRATIONS } from '../src/database/schema';
import { TIMELINE_EVENT_SUBJECTS } from '../src/timeline/timeline-subjects';
import { publishThreePartyPath, type ThreePartyPath } from './support/three-party-path';
import { waitForTimeline } from './support/timeline-expectations';
import {
  startTimelineService,
  timelineTestConfig,
  type TimelineService,
} from './support/timeline-service';
import { rebuildByReplay } from '@polku/testing';

/** The network-meetings projection: the timeline and the access facts it is read with. */
const PROJECTION_TABLES = [
  'timeline_entry',
  'path_access_referral',
  'path_access_consent',
  'path_access_plan',
  'path_access_plan_party',
  'path_access_ownership',
  'path_access_link',
  'path_access_meeting',
  'path_client_ref',
];

interface StoredEntry {
  readonly event_id: string;
  readonly row: Record<string, unknown>;
}

/** Every entry of the path, every column but position, by event id. */
async function storedEntries(service: TimelineService, pathId: string): Promise<StoredEntry[]> {
  const rows = await service.dataSource.query<Record<string, unknown>[]>(
    `SELECT * FROM timeline_entry WHERE path_id = $1 ORDER BY event_id`,
    [pathId],
  );
  return rows.map(({ position: _position, ...row }) => ({ event_id: String(row.event_id), row }));
}

describe('the timeline rebuilt by replay', () => {
  it('should hold the same entries, but for their positions, when replayed into empty tables', async () => {
    const config = timelineTestConfig();
    let service = await startTimelineService(config);
    let path: ThreePartyPath;
    let live: StoredEntry[];
    let liveView: TimelineEntryView[];
    const withoutPositions = (items: readonly TimelineEntryView[]) =>
      items.map(({ position: _position, ...entry }) => entry);
    try {
      path = await publishThreePartyPath(service);
      await path.publish('polku.plans.measure.measure-paused.v1', path.provider);
      await path.publish('polku.meetings.meeting.network-meeting-scheduled.v1', path.provider);
      await path.publish('polku.meetings.client-voice.client-voice-recorded.v1', path.provider, {
        data: { visibility: 'NAMED_ORGANISATIONS', visibleToOrgIds: [randomUUID()] },
      });
      await waitForTimeline(service.dataSource, path.pathId, path.events.length);
      live = await storedEntries(service, path.pathId);
      liveView = (
        await service.ask<{ items: TimelineEntryView[] }>(
          MEETING_COMMANDS.listTimeline,
          path.provider,
          { pathId: path.pathId, limit: 100 },
        )
      ).items;
    } finally {
      await service.close();
    }

    expect(
      await rebuildByReplay(config, {
        service: 'network-meetings',
        migrations: NETWORK_MEETINGS_MIGRATIONS,
        subjects: TIMELINE_EVENT_SUBJECTS,
        tables: PROJECTION_TABLES,
      }),
    ).toMatchObject({ timeline_entry: 0 });

    service = await startTimelineService(config);
    try {
      await waitForTimeline(service.dataSource, path.pathId, path.events.length);
      expect(await storedEntries(service, path.pathId)).toEqual(live);
      const replayedView = (
        await service.ask<{ items: TimelineEntryView[] }>(
          MEETING_COMMANDS.listTimeline,
          path.provider,
          { pathId: path.pathId, limit: 100 },
        )
      ).items;
      expect(withoutPositions(replayedView)).toEqual(withoutPositions(liveView));
    } finally {
      await service.close();
    }
  });
});
