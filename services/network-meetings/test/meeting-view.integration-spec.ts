import { randomUUID } from 'node:crypto';
import { MEETING_COMMANDS, type MeetingView } from '@polku/contracts';
import { publishThreePartyPath, type ThreePartyPath } from './support/three-party-path';
import { waitForTimeline } from './support/timeline-expectations';
import { startTimelineService, type TimelineService } from './support/timeline-service';

const SCHEDULED = 'polku.meetings.meeting.network-meeting-scheduled.v1';
const CLIENT_VOICE = 'polku.meetings.client-voice.client-voice-recorded.v1';

// Meeting mode (docs/meetings.md): the view of a meeting holds only what the caller and every
// invited organisation may see, by the timeline's own visibility rule.
describe('the meeting view', () => {
  let service: TimelineService;
  let path: ThreePartyPath;
  /** Invitees all covered for PLAN: social services and the provider. */
  let covered: string;
  /** The employment authority is invited too, covered for PATH only. */
  let mixed: string;

  const view = (meetingId: string, as = path.provider) =>
    service.ask<MeetingView>(MEETING_COMMANDS.getMeetingView, as, {
      pathId: path.pathId,
      id: meetingId,
    });

  async function schedule(invitees: readonly string[]): Promise<string> {
    const meetingId = randomUUID();
    const now = Date.now();
    await path.publish(SCHEDULED, path.socialServices, {
      data: {
        meetingId,
        convenorOrgId: path.socialServices.orgId,
        invitees: invitees.map((orgId) => ({ orgId, roles: ['SOCIAL_WORKER'] })),
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
        venue: 'REMOTE',
        venueOrgId: undefined,
        handoffId: undefined,
      } as never,
    });
    return meetingId;
  }

  beforeAll(async () => {
    service = await startTimelineService();
    path = await publishThreePartyPath(service);
    await path.publish(CLIENT_VOICE, path.provider, {
      data: { visibility: 'WRITER_ORGANISATION', visibleToOrgIds: undefined, text: 'Vain meille.' },
    });
    await path.publish(CLIENT_VOICE, path.provider, {
      data: { visibility: 'WHOLE_NETWORK', visibleToOrgIds: undefined, text: 'Kaikille.' },
    });
    covered = await schedule([path.provider.orgId, path.socialServices.orgId]);
    mixed = await schedule([
      path.provider.orgId,
      path.socialServices.orgId,
      path.employmentAuthority.orgId,
    ]);
    await waitForTimeline(service.dataSource, path.pathId, path.events.length);
  });

  afterAll(async () => {
    await service?.close();
  });

  it('should show the plan and withhold nothing when every invitee may see PLAN', async () => {
    const answer = await view(covered);
    expect(answer.withheld).toEqual([]);
    expect(answer.plan).toMatchObject({ planVersion: expect.any(Number) });
    expect(answer.meeting).toMatchObject({ meetingId: covered, status: 'SCHEDULED' });
    expect(answer.presentOrgIds).toEqual([path.provider.orgId, path.socialServices.orgId]);
    expect(answer.latestEntries.some((entry) => entry.dataClass === 'PLAN')).toBe(true);
  });

  it('should leave out PLAN and name it withheld when one invitee is not covered for it', async () => {
    const answer = await view(mixed);
    expect(answer.withheld).toEqual(['PLAN']);
    expect(answer).not.toHaveProperty('plan');
    expect(answer).not.toHaveProperty('openActionItems');
    expect(answer.pendingHandoffs).toEqual([]);
    expect(answer.latestEntries.map((entry) => entry.dataClass)).not.toContain('PLAN');
  });

  it('should show client voice only when the client’s choice lets every one present see it', async () => {
    const voices = (await view(covered)).latestEntries.filter(
      (entry) => entry.kind === 'CLIENT_VOICE',
    );
    expect(voices.map((entry) => (entry.data as { text: string }).text)).toEqual(['Kaikille.']);
  });

  it('should keep to the caller’s own access too when the caller sees less than the invitees', async () => {
    const answer = await view(covered, path.employmentAuthority);
    expect(answer.withheld).toEqual(['PLAN']);
    expect(answer).not.toHaveProperty('plan');
  });

  it('should answer 404 when the caller may not see the path or the meeting is not of it', async () => {
    expect(
      await service.askError(MEETING_COMMANDS.getMeetingView, path.outsider, {
        pathId: path.pathId,
        id: covered,
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await service.askError(MEETING_COMMANDS.getMeetingView, path.provider, {
        pathId: path.pathId,
        id: randomUUID(),
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});
