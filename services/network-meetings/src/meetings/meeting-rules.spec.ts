import type { MeetingParticipant } from '@polku/contracts';
import { CommandConflictError, ForbiddenCommandError } from '@polku/service-runtime';
import {
  assertMayActOnMeeting,
  assertStillScheduled,
  EXPERT_CONSENT_MISSING,
  expertAttendances,
  expertConsentViolations,
  handoffViolations,
  heldTimeViolations,
  isExpertPresent,
  RECORDED_END_CLOCK_SKEW_MS,
} from './meeting-rules';

const CONVENOR = '00000000-0000-4000-8000-000000000001';
const INVITED = '00000000-0000-4000-8000-000000000002';
const OUTSIDER = '00000000-0000-4000-8000-000000000003';
const CONSENT = '00000000-0000-4000-8000-0000000000c1';

const participant = (orgId: string, ...roles: MeetingParticipant['roles']): MeetingParticipant => ({
  orgId,
  roles,
});

const scheduled = {
  status: 'SCHEDULED' as const,
  convenorOrgId: CONVENOR,
  invitees: [{ orgId: CONVENOR }, { orgId: INVITED }],
};

describe('meeting rules', () => {
  it('should let the convenor and an invited organisation act when the meeting is scheduled', () => {
    expect(() => assertMayActOnMeeting(scheduled, CONVENOR, 'record')).not.toThrow();
    expect(() => assertMayActOnMeeting(scheduled, INVITED, 'cancel')).not.toThrow();
  });

  it('should refuse an organisation that was not invited when it records or cancels', () => {
    expect(() => assertMayActOnMeeting(scheduled, OUTSIDER, 'record')).toThrow(
      ForbiddenCommandError,
    );
  });

  it('should refuse a second record or cancellation when the meeting is held or cancelled', () => {
    expect(() => assertStillScheduled(scheduled, 'recorded as held')).not.toThrow();
    expect(() => assertStillScheduled({ ...scheduled, status: 'HELD' }, 'cancelled')).toThrow(
      CommandConflictError,
    );
    expect(() =>
      assertStillScheduled({ ...scheduled, status: 'CANCELLED' }, 'recorded as held'),
    ).toThrow(CommandConflictError);
  });

  it('should allow a hand-off only when the kind is a transition meeting or joint visit', () => {
    expect(handoffViolations('TRANSITION_MEETING', CONSENT)).toEqual([]);
    expect(handoffViolations('JOINT_TRANSFER_VISIT', CONSENT)).toEqual([]);
    expect(handoffViolations('PROGRESS_MEETING', undefined)).toEqual([]);
    expect(handoffViolations('PROGRESS_MEETING', CONSENT)).toEqual([
      expect.objectContaining({ rule: 'HANDOFF_MEETING_KIND', field: 'handoffId' }),
    ]);
  });

  it('should derive expertPresent from the roles when participants are recorded', () => {
    expect(isExpertPresent([participant(CONVENOR, 'SOCIAL_WORKER')])).toBe(false);
    expect(
      isExpertPresent([
        participant(CONVENOR, 'SOCIAL_WORKER'),
        participant(INVITED, 'EXPERIENTIAL_EXPERT', 'OTHER'),
      ]),
    ).toBe(true);
  });

  it('should take the invitation’s consent when a participating expert names none', () => {
    const experts = expertAttendances(
      [participant(CONVENOR, 'SOCIAL_WORKER'), participant(INVITED, 'EXPERIENTIAL_EXPERT')],
      'participants',
      new Map([[INVITED, CONSENT]]),
    );

    expect(experts).toEqual([
      { orgId: INVITED, expertConsentRef: CONSENT, field: 'participants[1].expertConsentRef' },
    ]);
  });

  it('should refuse every expert whose consent was not found in force when some are covered', () => {
    const experts = [
      { orgId: CONVENOR, expertConsentRef: undefined, field: 'invitees[0].expertConsentRef' },
      { orgId: INVITED, expertConsentRef: CONSENT, field: 'invitees[1].expertConsentRef' },
      { orgId: OUTSIDER, expertConsentRef: CONSENT, field: 'invitees[2].expertConsentRef' },
    ];

    const violations = expertConsentViolations(experts, new Set([INVITED]));

    expect(violations.map(({ rule, field }) => ({ rule, field }))).toEqual([
      { rule: EXPERT_CONSENT_MISSING, field: 'invitees[0].expertConsentRef' },
      { rule: EXPERT_CONSENT_MISSING, field: 'invitees[2].expertConsentRef' },
    ]);
    expect(violations[0].message).toMatch(/name it in expertConsentRef/);
  });

  it('should refuse a record whose end is still to come beyond the clock skew, and a next meeting not after it', () => {
    const now = new Date('2027-01-15T10:00:00.000Z');
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    const rules = (endedAt: string, nextMeetingAt?: string) =>
      heldTimeViolations({
        endedAt,
        ...(nextMeetingAt === undefined ? {} : { nextMeetingAt }),
        now,
      }).map((violation) => `${violation.rule} ${violation.field}`);

    expect(rules(at(-60_000))).toEqual([]);
    expect(rules(at(RECORDED_END_CLOCK_SKEW_MS))).toEqual([]);
    expect(rules(at(RECORDED_END_CLOCK_SKEW_MS + 1))).toEqual(['MEETING_NOT_YET_HELD endedAt']);
    expect(rules(at(-60_000), at(86_400_000))).toEqual([]);
    expect(rules(at(-60_000), at(-60_000))).toEqual(['NEXT_MEETING_NOT_AFTER_END nextMeetingAt']);
    expect(rules(at(3_600_000), at(-3_600_000))).toEqual([
      'MEETING_NOT_YET_HELD endedAt',
      'NEXT_MEETING_NOT_AFTER_END nextMeetingAt',
    ]);
  });
});
