import {
  ACTION_ITEM_ASSIGNED_V1,
  CLIENT_VOICE_RECORDED_V1,
  CLIENT_VOICE_VISIBILITY_BASIS,
  MEETING_COMMANDS,
  NETWORK_MEETING_CANCELLED_V1,
  NETWORK_MEETING_HELD_V1,
  NETWORK_MEETING_SCHEDULED_V1,
} from '@polku/contracts';
import { daysFromToday, hoursFromNow, recordBody, scheduleBody } from './support/meeting-bodies';
import {
  outboxEvents,
  startMeetingsService,
  type MeetingsService,
} from './support/meetings-service';
import { seedPath, type SeededPath } from './support/seeded-path';

interface MeetingAnswer {
  meetingId: string;
  status: string;
  convenorOrgId: string;
  decisions: { decisionId: string; kind: string }[] | null;
  expertPresent: boolean | null;
  clientViewEntryId?: string | null;
  actionItemIds?: string[];
}

describe('network meetings', () => {
  let service: MeetingsService;

  beforeAll(async () => {
    service = await startMeetingsService();
  });

  afterAll(async () => {
    await service.close();
  });

  const events = (subject: string, path: SeededPath) =>
    outboxEvents<Record<string, unknown>>(service.dataSource, subject, path.pathId);

  async function schedule(path: SeededPath, overrides: Record<string, unknown> = {}) {
    return service.ask<MeetingAnswer>(MEETING_COMMANDS.scheduleMeeting, path.provider, {
      pathId: path.pathId,
      body: scheduleBody(path, overrides),
    });
  }

  it('should write NetworkMeetingScheduled with the caller as convenor when a party schedules a meeting', async () => {
    const path = await seedPath(service.dataSource);

    const meeting = await schedule(path, { convenor: 'CLIENT' });

    expect(meeting).toMatchObject({ status: 'SCHEDULED', convenorOrgId: path.provider.orgId });
    const [scheduled] = await events(NETWORK_MEETING_SCHEDULED_V1.subject, path);
    expect(scheduled.data).toMatchObject({
      meetingId: meeting.meetingId,
      kind: 'PROGRESS_MEETING',
      convenor: 'CLIENT',
      convenorOrgId: path.provider.orgId,
      venue: 'REMOTE',
    });
    expect(scheduled.emitter.orgId).toBe(path.provider.orgId);
    const got = await service.ask<MeetingAnswer>(
      MEETING_COMMANDS.getMeeting,
      path.employmentAuthority,
      {
        pathId: path.pathId,
        id: meeting.meetingId,
      },
    );
    expect(got.meetingId).toBe(meeting.meetingId);
  });

  it('should answer 404 and write nothing when an organisation that is not a party schedules', async () => {
    const path = await seedPath(service.dataSource);

    const error = await service.askError(MEETING_COMMANDS.scheduleMeeting, path.outsider, {
      pathId: path.pathId,
      body: scheduleBody(path),
    });

    expect(error.code).toBe('NOT_FOUND');
    expect(await events(NETWORK_MEETING_SCHEDULED_V1.subject, path)).toEqual([]);
  });

  it('should refuse a hand-off when the kind is not a transition meeting or joint visit', async () => {
    const path = await seedPath(service.dataSource);

    const error = await service.askError(MEETING_COMMANDS.scheduleMeeting, path.provider, {
      pathId: path.pathId,
      body: scheduleBody(path, { handoffId: crypto.randomUUID() }),
    });

    expect(error).toMatchObject({
      code: 'RULE_VIOLATED',
      details: { violations: [expect.objectContaining({ rule: 'HANDOFF_MEETING_KIND' })] },
    });
  });

  it('should write the record, the client’s view and each agreed step in one go when a meeting is recorded held', async () => {
    const path = await seedPath(service.dataSource);
    const meeting = await schedule(path);

    // The provider: the client's consent covers PLAN for it, which the agreed steps are.
    const held = await service.ask<MeetingAnswer>(
      MEETING_COMMANDS.recordMeetingHeld,
      path.provider,
      {
        pathId: path.pathId,
        id: meeting.meetingId,
        expectedVersion: 1,
        body: recordBody(path, {
          nextMeetingAt: hoursFromNow(24 * 30),
          clientView: {
            author: 'CLIENT',
            text: 'I want to try the work trial first.',
            visibility: 'NAMED_ORGANISATIONS',
            visibleToOrgIds: [path.provider.orgId],
          },
          agreedNextSteps: [
            {
              description: 'Book the work trial',
              ownerOrgId: path.provider.orgId,
              ownerWorkerId: 'worker-1',
              dueDate: daysFromToday(7),
            },
          ],
        }),
      },
    );

    expect(held.status).toBe('HELD');
    expect(held.expertPresent).toBe(false);
    const [record] = await events(NETWORK_MEETING_HELD_V1.subject, path);
    expect(record.data).toMatchObject({
      meetingId: meeting.meetingId,
      kind: 'PROGRESS_MEETING',
      clientPresent: true,
      expertPresent: false,
      decisions: [{ decisionId: held.decisions?.[0].decisionId, kind: 'PLAN_CHANGE' }],
    });
    const [view] = await events(CLIENT_VOICE_RECORDED_V1.subject, path);
    expect(view).toMatchObject({
      legalBasis: CLIENT_VOICE_VISIBILITY_BASIS,
      data: {
        entryId: held.clientViewEntryId,
        kind: 'MEETING_VIEW',
        meetingId: meeting.meetingId,
        visibility: 'NAMED_ORGANISATIONS',
        visibleToOrgIds: [path.provider.orgId],
      },
    });
    const [step] = await events(ACTION_ITEM_ASSIGNED_V1.subject, path);
    expect(step.data).toMatchObject({
      actionItemId: held.actionItemIds?.[0],
      meetingId: meeting.meetingId,
      ownerOrgId: path.provider.orgId,
    });
  });

  it('should answer 409 and write nothing more when a held meeting is recorded or cancelled again', async () => {
    const path = await seedPath(service.dataSource);
    const meeting = await schedule(path);
    const request = {
      pathId: path.pathId,
      id: meeting.meetingId,
      expectedVersion: 1,
      body: recordBody(path),
    };
    await service.ask(MEETING_COMMANDS.recordMeetingHeld, path.provider, request);

    // At the version the record left (2): the refusal is the meeting's state, not a stale read.
    const again = await service.askError(MEETING_COMMANDS.recordMeetingHeld, path.provider, {
      ...request,
      expectedVersion: 2,
    });
    const cancel = await service.askError(MEETING_COMMANDS.cancelMeeting, path.provider, {
      pathId: path.pathId,
      id: meeting.meetingId,
      expectedVersion: 2,
      body: { reason: 'OTHER' },
    });

    expect([again.code, cancel.code]).toEqual(['CONFLICT', 'CONFLICT']);
    expect(await events(NETWORK_MEETING_HELD_V1.subject, path)).toHaveLength(1);
    expect(await events(NETWORK_MEETING_CANCELLED_V1.subject, path)).toEqual([]);
  });

  it('should answer 412 and write nothing when the record names a version the meeting no longer has', async () => {
    const path = await seedPath(service.dataSource);
    const meeting = await schedule(path);

    const error = await service.askError(MEETING_COMMANDS.recordMeetingHeld, path.provider, {
      pathId: path.pathId,
      id: meeting.meetingId,
      expectedVersion: 2,
      body: recordBody(path),
    });

    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(await events(NETWORK_MEETING_HELD_V1.subject, path)).toEqual([]);
  });

  it('should cancel once and refuse the record when an invited organisation cancels', async () => {
    const path = await seedPath(service.dataSource);
    const meeting = await schedule(path);

    const cancelled = await service.ask<MeetingAnswer>(
      MEETING_COMMANDS.cancelMeeting,
      path.employmentAuthority,
      {
        pathId: path.pathId,
        id: meeting.meetingId,
        expectedVersion: 1,
        body: { reason: 'CLIENT_CANCELLED' },
      },
    );
    const record = await service.askError(MEETING_COMMANDS.recordMeetingHeld, path.provider, {
      pathId: path.pathId,
      id: meeting.meetingId,
      expectedVersion: 2,
      body: recordBody(path),
    });

    expect(cancelled.status).toBe('CANCELLED');
    expect(record.code).toBe('CONFLICT');
    const [event] = await events(NETWORK_MEETING_CANCELLED_V1.subject, path);
    expect(event.data).toMatchObject({ meetingId: meeting.meetingId, reason: 'CLIENT_CANCELLED' });
  });

  it('should answer 403 when a party that was not invited records or cancels the meeting', async () => {
    const path = await seedPath(service.dataSource);
    const meeting = await schedule(path, {
      invitees: [{ orgId: path.provider.orgId, roles: ['INSTRUCTOR'] }],
    });

    const record = await service.askError(
      MEETING_COMMANDS.recordMeetingHeld,
      path.employmentAuthority,
      {
        pathId: path.pathId,
        id: meeting.meetingId,
        expectedVersion: 1,
        body: recordBody(path),
      },
    );
    const cancel = await service.askError(
      MEETING_COMMANDS.cancelMeeting,
      path.employmentAuthority,
      {
        pathId: path.pathId,
        id: meeting.meetingId,
        expectedVersion: 1,
        body: { reason: 'OTHER' },
      },
    );

    expect([record.code, cancel.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('should write nothing at all when one agreed step of the record is refused', async () => {
    const path = await seedPath(service.dataSource);
    const meeting = await schedule(path);

    const error = await service.askError(MEETING_COMMANDS.recordMeetingHeld, path.provider, {
      pathId: path.pathId,
      id: meeting.meetingId,
      expectedVersion: 1,
      body: recordBody(path, {
        agreedNextSteps: [
          {
            description: 'Late already',
            ownerOrgId: path.provider.orgId,
            ownerWorkerId: 'worker-1',
            dueDate: daysFromToday(-2),
          },
        ],
      }),
    });

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(await events(NETWORK_MEETING_HELD_V1.subject, path)).toEqual([]);
    expect(await events(ACTION_ITEM_ASSIGNED_V1.subject, path)).toEqual([]);
  });

  it('should answer 422 and write nothing when a meeting is recorded as held before it has ended', async () => {
    const path = await seedPath(service.dataSource);
    const meeting = await schedule(path);

    const error = await service.askError(MEETING_COMMANDS.recordMeetingHeld, path.provider, {
      pathId: path.pathId,
      id: meeting.meetingId,
      expectedVersion: 1,
      body: recordBody(path, { heldAt: hoursFromNow(1), endedAt: hoursFromNow(2) }),
    });

    expect(error).toMatchObject({
      details: { violations: [expect.objectContaining({ rule: 'MEETING_NOT_YET_HELD' })] },
    });
    expect(await events(NETWORK_MEETING_HELD_V1.subject, path)).toEqual([]);
  });

  it('should list the path’s meetings earliest first across pages when there are more than a page', async () => {
    const path = await seedPath(service.dataSource);
    const ids: string[] = [];
    for (const hours of [5, 3, 4]) {
      const meeting = await schedule(path, {
        startsAt: hoursFromNow(hours),
        endsAt: hoursFromNow(hours + 1),
      });
      ids[hours - 3] = meeting.meetingId;
    }

    const first = await service.ask<{ items: MeetingAnswer[]; nextCursor: string | null }>(
      MEETING_COMMANDS.listMeetings,
      path.employmentAuthority,
      { pathId: path.pathId, limit: 2 },
    );
    const second = await service.ask<{ items: MeetingAnswer[]; nextCursor: string | null }>(
      MEETING_COMMANDS.listMeetings,
      path.employmentAuthority,
      { pathId: path.pathId, limit: 2, cursor: first.nextCursor },
    );

    expect([...first.items, ...second.items].map((item) => item.meetingId)).toEqual(ids);
    expect(second.nextCursor).toBeNull();
    const outsider = await service.askError(MEETING_COMMANDS.listMeetings, path.outsider, {
      pathId: path.pathId,
      limit: 2,
    });
    expect(outsider.code).toBe('NOT_FOUND');
  });
});
