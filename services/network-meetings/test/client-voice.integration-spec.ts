import { randomUUID } from 'node:crypto';
import {
  CLIENT_VOICE_RECORDED_V1,
  CLIENT_VOICE_VISIBILITY_BASIS,
  MEETING_COMMANDS,
} from '@polku/contracts';
import { scheduleBody } from './support/meeting-bodies';
import {
  outboxEvents,
  startMeetingsService,
  type MeetingsService,
} from './support/meetings-service';
import { seedPath, type SeededPath } from './support/seeded-path';

describe('client voice', () => {
  let service: MeetingsService;

  beforeAll(async () => {
    service = await startMeetingsService();
  });

  afterAll(async () => {
    await service.close();
  });

  const voiceEvents = (path: SeededPath) =>
    outboxEvents<Record<string, unknown>>(
      service.dataSource,
      CLIENT_VOICE_RECORDED_V1.subject,
      path.pathId,
    );

  const body = (overrides: Record<string, unknown> = {}) => ({
    kind: 'OWN_GOALS',
    author: 'CLIENT',
    text: 'I want to work with my hands again.',
    visibility: 'WHOLE_NETWORK',
    ...overrides,
  });

  it('should write ClientVoiceRecorded on the client’s choice as its basis when a party records it', async () => {
    const path = await seedPath(service.dataSource);
    // Any organisation may be named, also one that is not a party: the timeline shows the entry
    // only to current parties.
    const named = [path.employmentAuthority.orgId, randomUUID()];

    const entry = await service.ask<{ entryId: string }>(
      MEETING_COMMANDS.recordClientVoice,
      path.provider,
      {
        pathId: path.pathId,
        body: body({
          kind: 'DISAGREEMENT',
          visibility: 'NAMED_ORGANISATIONS',
          visibleToOrgIds: named,
        }),
      },
    );

    const [event] = await voiceEvents(path);
    expect(event).toMatchObject({
      legalBasis: CLIENT_VOICE_VISIBILITY_BASIS,
      emitter: { orgId: path.provider.orgId },
      data: {
        entryId: entry.entryId,
        kind: 'DISAGREEMENT',
        author: 'CLIENT',
        visibility: 'NAMED_ORGANISATIONS',
        visibleToOrgIds: named,
      },
    });
    expect(event.consentRef).toBeUndefined();
  });

  it('should refuse a text with a personal identity code when it is recorded', async () => {
    const path = await seedPath(service.dataSource);

    const error = await service.askError(MEETING_COMMANDS.recordClientVoice, path.provider, {
      pathId: path.pathId,
      body: body({ text: 'My code is 131052-308T, write it down.' }),
    });

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(await voiceEvents(path)).toEqual([]);
  });

  it('should refuse a meeting view when it names no meeting or a meeting of another path', async () => {
    const path = await seedPath(service.dataSource);
    const other = await seedPath(service.dataSource);
    const othersMeeting = await service.ask<{ meetingId: string }>(
      MEETING_COMMANDS.scheduleMeeting,
      other.provider,
      { pathId: other.pathId, body: scheduleBody(other) },
    );

    const missing = await service.askError(MEETING_COMMANDS.recordClientVoice, path.provider, {
      pathId: path.pathId,
      body: body({ kind: 'MEETING_VIEW' }),
    });
    const foreign = await service.askError(MEETING_COMMANDS.recordClientVoice, path.provider, {
      pathId: path.pathId,
      body: body({ kind: 'MEETING_VIEW', meetingId: othersMeeting.meetingId }),
    });

    expect(missing.details).toEqual({
      violations: [expect.objectContaining({ rule: 'MEETING_VIEW_NEEDS_MEETING' })],
    });
    expect(foreign.details).toEqual({
      violations: [expect.objectContaining({ rule: 'MEETING_NOT_OF_PATH' })],
    });
    expect(await voiceEvents(path)).toEqual([]);
  });

  it('should record a meeting view naming the meeting when the meeting is of the path', async () => {
    const path = await seedPath(service.dataSource);
    const meeting = await service.ask<{ meetingId: string }>(
      MEETING_COMMANDS.scheduleMeeting,
      path.provider,
      { pathId: path.pathId, body: scheduleBody(path) },
    );

    await service.ask(MEETING_COMMANDS.recordClientVoice, path.provider, {
      pathId: path.pathId,
      body: body({ kind: 'MEETING_VIEW', author: 'WITH_WORKER', meetingId: meeting.meetingId }),
    });

    const [event] = await voiceEvents(path);
    expect(event.data).toMatchObject({ kind: 'MEETING_VIEW', meetingId: meeting.meetingId });
  });

  it('should answer 404 when an organisation that is not a party records client voice', async () => {
    const path = await seedPath(service.dataSource);

    const error = await service.askError(MEETING_COMMANDS.recordClientVoice, path.outsider, {
      pathId: path.pathId,
      body: body(),
    });

    expect(error.code).toBe('NOT_FOUND');
  });
});
