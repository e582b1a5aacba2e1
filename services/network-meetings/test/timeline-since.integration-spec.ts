import { MEETING_COMMANDS, type TimelineSinceReply } from '@polku/contracts';
import { publishThreePartyPath, type ThreePartyPath } from './support/three-party-path';
import {
  startTimelineService,
  timelineTestConfig,
  type TimelineService,
} from './support/timeline-service';
import { waitForTimeline } from './support/timeline-expectations';

const CLIENT_VOICE = 'polku.meetings.client-voice.client-voice-recorded.v1';

describe('the timeline since a position (live updates)', () => {
  let service: TimelineService;
  let path: ThreePartyPath;

  const since = (principal: ThreePartyPath['provider'], query: Record<string, unknown>) =>
    service.ask<TimelineSinceReply>(MEETING_COMMANDS.timelineSince, principal, {
      pathId: path.pathId,
      ...query,
    });

  beforeAll(async () => {
    // A small catch-up limit, so that a path of a dozen entries has a gap too large.
    service = await startTimelineService(timelineTestConfig({ LIVE_RESUME_MAX_ENTRIES: '6' }));
    path = await publishThreePartyPath(service);
    await path.publish('polku.plans.attendance.attendance-recorded.v1', path.provider);
    await path.publish('polku.plans.measure.measure-paused.v1', path.provider);
    await path.publish(CLIENT_VOICE, path.provider, {
      data: { visibility: 'WRITER_ORGANISATION', visibleToOrgIds: undefined },
    });
    await path.publish(CLIENT_VOICE, path.socialServices, {
      data: { visibility: 'WHOLE_NETWORK', visibleToOrgIds: undefined },
    });
    await waitForTimeline(service.dataSource, path.pathId, path.events.length);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('should answer the entries after a position oldest first when the gap is small', async () => {
    const all = await service.dataSource.query<{ position: string }[]>(
      'SELECT position::text AS position FROM timeline_entry WHERE path_id = $1 ORDER BY position',
      [path.pathId],
    );
    const after = all[2].position;

    const reply = await since(path.provider, { afterPosition: after });

    expect(reply.gapTooLarge).toBe(false);
    expect(reply.entries.map((entry) => entry.position)).toEqual(
      all.slice(3).map((row) => row.position),
    );
  });

  it('should say the gap is too large when more than LIVE_RESUME_MAX_ENTRIES entries follow', async () => {
    expect(await since(path.provider, { afterPosition: '0' })).toEqual({
      entries: [],
      gapTooLarge: true,
    });
  });

  it('should keep only what every listed organisation may see when asked for meeting mode', async () => {
    const reply = await since(path.socialServices, {
      afterPosition: '0',
      visibleToAllOf: [path.employmentAuthority.orgId],
    });

    expect(reply.gapTooLarge).toBe(false);
    for (const entry of reply.entries) {
      expect(entry.visibleTo).toEqual(
        expect.arrayContaining([path.employmentAuthority.orgId, path.socialServices.orgId]),
      );
    }
    expect(reply.entries.map((entry) => entry.dataClass)).not.toContain('PLAN');
    expect(reply.entries.filter((entry) => entry.kind === 'CLIENT_VOICE')).toHaveLength(1);
  });

  it('should answer 404 when the caller may not see the path', async () => {
    expect(
      await service.askError(MEETING_COMMANDS.timelineSince, path.outsider, {
        pathId: path.pathId,
        afterPosition: '0',
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should refuse a position that is not digits when asked', async () => {
    expect(
      await service.askError(MEETING_COMMANDS.timelineSince, path.provider, {
        pathId: path.pathId,
        afterPosition: '1; DROP TABLE timeline_entry',
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
