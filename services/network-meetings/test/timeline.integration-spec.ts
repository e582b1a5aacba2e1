import { randomUUID } from 'node:crypto';
import type { Principal } from '@polku/auth';
import { MEETING_COMMANDS, type DataClass, type TimelineEntryView } from '@polku/contracts';
import { newOutboxEvent, waitFor } from '@polku/testing';
import {
  COVERED,
  publishThreePartyPath,
  type PublishedEvent,
  type ThreePartyPath,
} from './support/three-party-path';
import { startTimelineService, type TimelineService } from './support/timeline-service';
import {
  dataClassOf,
  idsOf,
  readWholeTimeline,
  waitForTimeline,
} from './support/timeline-expectations';

describe('the shared timeline', () => {
  let service: TimelineService;
  let path: ThreePartyPath;
  const voice: Record<'writerOnly' | 'named' | 'wholeNetwork', PublishedEvent> = {} as never;
  let meetingId: string;

  const list = (principal: Principal, query: Record<string, unknown> = {}) =>
    readWholeTimeline(service.ask, MEETING_COMMANDS.listTimeline, principal, {
      pathId: path.pathId,
      limit: 100,
      ...query,
    });

  beforeAll(async () => {
    service = await startTimelineService();
    path = await publishThreePartyPath(service);
    await path.publish('polku.plans.attendance.attendance-recorded.v1', path.provider);
    await path.publish('polku.plans.measure.measure-paused.v1', path.provider);
    await path.publish('polku.transitions.wait.waiting-started.v1', path.provider);
    meetingId = randomUUID();
    await path.publish('polku.meetings.meeting.network-meeting-held.v1', path.socialServices, {
      data: {
        meetingId,
        participants: [
          { orgId: path.employmentAuthority.orgId, roles: ['EMPLOYMENT_COUNSELLOR'] },
          { orgId: path.provider.orgId, roles: ['INDIVIDUAL_COACH'] },
          { orgId: path.socialServices.orgId, roles: ['SOCIAL_WORKER'] },
        ],
        decisions: [{ decisionId: randomUUID(), kind: 'PAUSE' }],
        handoffId: undefined,
      },
    });
    const clientVoice = 'polku.meetings.client-voice.client-voice-recorded.v1';
    voice.writerOnly = await path.publish(clientVoice, path.provider, {
      data: { visibility: 'WRITER_ORGANISATION', visibleToOrgIds: undefined },
    });
    voice.named = await path.publish(clientVoice, path.provider, {
      data: {
        visibility: 'NAMED_ORGANISATIONS',
        visibleToOrgIds: [path.employmentAuthority.orgId],
      },
    });
    voice.wholeNetwork = await path.publish(clientVoice, path.socialServices, {
      data: { visibility: 'WHOLE_NETWORK', visibleToOrgIds: undefined },
    });
    await waitForTimeline(service.dataSource, path.pathId, path.events.length);
  });

  afterAll(async () => {
    await service?.close();
  });

  /** What an organisation covered for `classes` sees, in the order things happened. */
  const expectedFor = (classes: readonly DataClass[], voices: PublishedEvent[]) =>
    path.events
      .filter((event) =>
        dataClassOf(event) === 'CLIENT_VOICE'
          ? voices.includes(event)
          : classes.includes(dataClassOf(event)),
      )
      .map((event) => event.eventId);

  it('should show every service’s events in the order they happened when the provider reads oldest first', async () => {
    const { entries } = await list(path.provider, { order: 'asc' });

    expect(idsOf(entries)).toEqual(
      expectedFor(COVERED.provider, [voice.writerOnly, voice.named, voice.wholeNetwork]),
    );
    const contexts = new Set(entries.map((entry) => entry.eventType));
    expect(contexts).toEqual(
      new Set([
        'ClientReferred',
        'ReferralAccepted',
        'ConsentGranted',
        'ActivationPlanAgreed',
        'AttendanceRecorded',
        'MeasurePaused',
        'WaitingStarted',
        'NetworkMeetingHeld',
        'ClientVoiceRecorded',
      ]),
    );
    const paused = entries.find((entry) => entry.eventType === 'MeasurePaused');
    expect(paused).toMatchObject({ kind: 'PAUSE', dataClass: 'HEALTH_FLAG' });
    expect(paused?.summary).toMatch(/^The measure was paused \([a-z ]+\)\.$/);
  });

  it('should give three organisations three different timelines of the same path when their covers differ', async () => {
    const seen = {
      employmentAuthority: idsOf((await list(path.employmentAuthority, { order: 'asc' })).entries),
      provider: idsOf((await list(path.provider, { order: 'asc' })).entries),
      socialServices: idsOf((await list(path.socialServices, { order: 'asc' })).entries),
    };

    expect(seen).toEqual({
      employmentAuthority: expectedFor(COVERED.employmentAuthority, [
        voice.named,
        voice.wholeNetwork,
      ]),
      provider: expectedFor(COVERED.provider, [voice.writerOnly, voice.named, voice.wholeNetwork]),
      socialServices: expectedFor(COVERED.socialServices, [voice.wholeNetwork]),
    });
    expect(new Set(Object.values(seen).map((ids) => ids.join()))).toHaveProperty('size', 3);
  });

  it('should name in visibleTo exactly the parties that may see each entry when read', async () => {
    const { entries } = await list(path.provider);
    const orgs = {
      employmentAuthority: path.employmentAuthority.orgId,
      provider: path.provider.orgId,
      socialServices: path.socialServices.orgId,
    };
    const voices: Record<string, string[]> = {
      [voice.writerOnly.eventId]: [orgs.provider],
      [voice.named.eventId]: [orgs.provider, orgs.employmentAuthority],
      [voice.wholeNetwork.eventId]: Object.values(orgs),
    };

    for (const entry of entries) {
      const expected =
        voices[entry.eventId] ??
        (Object.keys(COVERED) as (keyof typeof COVERED)[])
          .filter((party) => COVERED[party].includes(entry.dataClass))
          .map((party) => orgs[party]);
      expect({ event: entry.eventType, visibleTo: [...entry.visibleTo].sort() }).toEqual({
        event: entry.eventType,
        visibleTo: [...expected].sort(),
      });
    }
  });

  it('should answer 404 when an organisation that is no party reads the timeline', async () => {
    expect(
      await service.askError(MEETING_COMMANDS.listTimeline, path.outsider, {
        pathId: path.pathId,
        limit: 10,
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should page newest first through the same entries when read three at a time', async () => {
    const whole = idsOf((await list(path.provider)).entries);
    const paged = await list(path.provider, { limit: 3 });

    expect(paged.pages).toBe(Math.ceil(whole.length / 3));
    expect(idsOf(paged.entries)).toEqual(whole);
    expect(whole).toEqual(
      [...idsOf((await list(path.provider, { order: 'asc' })).entries)].reverse(),
    );
  });

  it('should filter by kind, organisation and period when asked', async () => {
    const voices = await list(path.provider, { kind: ['CLIENT_VOICE', 'PAUSE'], order: 'asc' });
    expect(voices.entries.map((entry: TimelineEntryView) => entry.kind)).toEqual([
      'PAUSE',
      'CLIENT_VOICE',
      'CLIENT_VOICE',
      'CLIENT_VOICE',
    ]);

    const bySocial = await list(path.provider, { orgId: path.socialServices.orgId });
    expect(new Set(bySocial.entries.map((entry) => entry.sourceOrgId))).toEqual(
      new Set([path.socialServices.orgId]),
    );
    expect(bySocial.entries).toHaveLength(3);

    const [first, second, third] = path.events;
    const window = await list(path.provider, {
      from: second.occurredAt.toISOString(),
      to: new Date(third.occurredAt.getTime() + 1).toISOString(),
      order: 'asc',
    });
    expect(idsOf(window.entries)).toEqual([second.eventId, third.eventId]);
    expect(idsOf(window.entries)).not.toContain(first.eventId);
  });

  it('should refuse a cursor of the other order when the order changes between pages', async () => {
    const page = await service.ask<{ nextCursor: string }>(
      MEETING_COMMANDS.listTimeline,
      path.provider,
      { pathId: path.pathId, limit: 2 },
    );

    expect(
      await service.askError(MEETING_COMMANDS.listTimeline, path.provider, {
        pathId: path.pathId,
        limit: 2,
        cursor: page.nextCursor,
        order: 'asc',
      }),
    ).toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it.each([
    ['an unknown kind', { kind: ['SECRETS'] }],
    [
      'a period that ends before it begins',
      { from: '2027-02-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
    ],
    ['an unknown filter', { clientRef: 'x' }],
  ])('should refuse a query with %s when asked', async (_label, query) => {
    expect(
      await service.askError(MEETING_COMMANDS.listTimeline, path.provider, {
        pathId: path.pathId,
        limit: 10,
        ...query,
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('should hold each published event once when all were delivered', async () => {
    const [row] = await service.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM timeline_entry WHERE path_id = $1',
      [path.pathId],
    );
    expect(row.n).toBe(path.events.length);
  });

  it('should put an escalation of the action-item timer on the timeline when the system process emits it', async () => {
    // The catalogue's sample comes from network-meetings' action-item timer, a system process.
    const overdue = newOutboxEvent('polku.meetings.action-item.action-item-overdue.v1');
    const eventId = await service.publish('polku.meetings.action-item.action-item-overdue.v1', {
      ...overdue,
      pathId: path.pathId,
      clientRef: path.clientRef,
    });

    const entry = await waitFor(
      async () =>
        (await list(path.socialServices)).entries.find((item) => item.eventId === eventId),
      { description: 'the overdue action item on the timeline' },
    );
    expect(entry).toMatchObject({ kind: 'ACTION_ITEM', dataClass: 'PATH' });
    expect(entry.summary).toMatch(/is overdue and escalated to the (worker|team lead|manager)/);
  });
});
