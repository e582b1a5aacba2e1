import {
  ACTION_ITEM_ASSIGNED_V1,
  MEETING_COMMANDS,
  NETWORK_MEETING_HELD_V1,
  NETWORK_MEETING_SCHEDULED_V1,
} from '@polku/contracts';
import { addCalendarDays, finnishDateOf } from '@polku/timers';
import { hoursFromNow, recordBody, scheduleBody } from './support/meeting-bodies';
import {
  outboxEvents,
  startMeetingsService,
  type MeetingsService,
} from './support/meetings-service';
import {
  grantConsent,
  seedPath,
  withdrawConsent,
  type SeededConsent,
  type SeededPath,
} from './support/seeded-path';

// An experiential expert takes part only on the client's recorded consent (docs/meetings.md):
// each way of naming a consent that does not cover it must be refused with nothing written.

interface MeetingAnswer {
  meetingId: string;
  expertPresent: boolean | null;
}

describe('an experiential expert at a network meeting', () => {
  let service: MeetingsService;

  beforeAll(async () => {
    service = await startMeetingsService();
  });

  afterAll(async () => {
    await service.close();
  });

  const expertConsent = (path: SeededPath, overrides: Partial<SeededConsent> = {}) =>
    grantConsent(service.dataSource, path, {
      orgIds: [path.expertOrg.orgId],
      purpose: 'EXPERT_PARTICIPATION',
      ...overrides,
    });

  const withExpert = (path: SeededPath, expertConsentRef?: string) =>
    scheduleBody(path, {
      invitees: [
        { orgId: path.provider.orgId, roles: ['INSTRUCTOR'] },
        {
          orgId: path.expertOrg.orgId,
          roles: ['EXPERIENTIAL_EXPERT'],
          ...(expertConsentRef === undefined ? {} : { expertConsentRef }),
        },
      ],
    });

  async function expectRefused(path: SeededPath, expertConsentRef?: string) {
    const error = await service.askError(MEETING_COMMANDS.scheduleMeeting, path.provider, {
      pathId: path.pathId,
      body: withExpert(path, expertConsentRef),
    });
    expect(error).toMatchObject({
      code: 'RULE_VIOLATED',
      details: {
        violations: [{ rule: 'EXPERT_CONSENT_MISSING', field: 'invitees[1].expertConsentRef' }],
      },
    });
    expect(
      await outboxEvents(service.dataSource, NETWORK_MEETING_SCHEDULED_V1.subject, path.pathId),
    ).toEqual([]);
  }

  it('should schedule and record the expert as present when the consent covers it', async () => {
    const path = await seedPath(service.dataSource);
    const consentId = await expertConsent(path);

    const meeting = await service.ask<MeetingAnswer>(
      MEETING_COMMANDS.scheduleMeeting,
      path.provider,
      { pathId: path.pathId, body: withExpert(path, consentId) },
    );
    // The participant names no consent: its invitation's is used, and recorded.
    const held = await service.ask<MeetingAnswer>(
      MEETING_COMMANDS.recordMeetingHeld,
      path.provider,
      {
        pathId: path.pathId,
        id: meeting.meetingId,
        expectedVersion: 1,
        body: recordBody(path, {
          participants: [
            { orgId: path.provider.orgId, roles: ['INSTRUCTOR'] },
            { orgId: path.expertOrg.orgId, roles: ['EXPERIENTIAL_EXPERT'] },
          ],
        }),
      },
    );

    expect(held.expertPresent).toBe(true);
    const [record] = await outboxEvents<{ participants: unknown[]; expertPresent: boolean }>(
      service.dataSource,
      NETWORK_MEETING_HELD_V1.subject,
      path.pathId,
    );
    expect(record.data.expertPresent).toBe(true);
    expect(record.data.participants[1]).toEqual({
      orgId: path.expertOrg.orgId,
      roles: ['EXPERIENTIAL_EXPERT'],
      expertConsentRef: consentId,
    });
  });

  it('should refuse the meeting when the expert names no consent', async () => {
    const path = await seedPath(service.dataSource);
    await expertConsent(path);

    await expectRefused(path, undefined);
  });

  it('should refuse the meeting when the consent is another path’s', async () => {
    const path = await seedPath(service.dataSource);
    const other = await seedPath(service.dataSource);
    const othersConsent = await grantConsent(service.dataSource, other, {
      orgIds: [path.expertOrg.orgId],
      purpose: 'EXPERT_PARTICIPATION',
    });

    await expectRefused(path, othersConsent);
  });

  it('should refuse the meeting when the consent does not name the expert’s organisation', async () => {
    const path = await seedPath(service.dataSource);
    const consentId = await expertConsent(path, { orgIds: [path.provider.orgId] });

    await expectRefused(path, consentId);
  });

  it('should refuse the meeting when the consent is for another purpose', async () => {
    const path = await seedPath(service.dataSource);
    const consentId = await expertConsent(path, { purpose: 'NETWORK_MEETING' });

    await expectRefused(path, consentId);
  });

  it('should refuse the meeting when the consent was withdrawn', async () => {
    const path = await seedPath(service.dataSource);
    const consentId = await expertConsent(path);
    await withdrawConsent(service.dataSource, path, consentId, new Date(Date.now() - 60_000));

    await expectRefused(path, consentId);
  });

  it('should refuse the meeting when the consent has expired by the meeting', async () => {
    const path = await seedPath(service.dataSource);
    const yesterday = addCalendarDays(finnishDateOf(new Date()), -1);
    const consentId = await expertConsent(path, {
      validFrom: addCalendarDays(yesterday, -30),
      validTo: yesterday,
    });

    await expectRefused(path, consentId);
  });

  it('should refuse the record and write nothing when a participant expert joins without consent', async () => {
    const path = await seedPath(service.dataSource);
    const meeting = await service.ask<MeetingAnswer>(
      MEETING_COMMANDS.scheduleMeeting,
      path.provider,
      {
        pathId: path.pathId,
        body: scheduleBody(path),
      },
    );
    const wrongPurpose = await expertConsent(path, { purpose: 'CLIENT_WORK' });

    const error = await service.askError(MEETING_COMMANDS.recordMeetingHeld, path.provider, {
      pathId: path.pathId,
      id: meeting.meetingId,
      expectedVersion: 1,
      body: recordBody(path, {
        participants: [
          { orgId: path.provider.orgId, roles: ['INSTRUCTOR'] },
          {
            orgId: path.expertOrg.orgId,
            roles: ['EXPERIENTIAL_EXPERT'],
            expertConsentRef: wrongPurpose,
          },
        ],
        agreedNextSteps: [
          {
            description: 'Meet the expert again',
            ownerOrgId: path.provider.orgId,
            ownerWorkerId: 'worker-1',
            dueDate: addCalendarDays(finnishDateOf(new Date()), 7),
          },
        ],
        nextMeetingAt: hoursFromNow(48),
      }),
    });

    expect(error).toMatchObject({
      code: 'RULE_VIOLATED',
      details: { violations: [expect.objectContaining({ rule: 'EXPERT_CONSENT_MISSING' })] },
    });
    for (const subject of [NETWORK_MEETING_HELD_V1.subject, ACTION_ITEM_ASSIGNED_V1.subject]) {
      expect(await outboxEvents(service.dataSource, subject, path.pathId)).toEqual([]);
    }
  });
});
