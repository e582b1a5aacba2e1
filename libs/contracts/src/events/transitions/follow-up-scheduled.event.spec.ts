import { aValidEvent, errorsOf, IDS, withData } from '../../../test/event-factories';
import { FOLLOW_UP_SCHEDULED_V1, MAX_SCHEDULED_FOLLOW_UPS } from './follow-up-scheduled.event';

const SUBJECT = FOLLOW_UP_SCHEDULED_V1.subject;

function followUpIdOf(index: number): string {
  return `718237a4-bfce-47f8-8f16-${String(index).padStart(12, '0')}`;
}

describe('FollowUpScheduled v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it(`should accept the event when it schedules ${MAX_SCHEDULED_FOLLOW_UPS} follow-ups`, () => {
    const followUps = Array.from({ length: MAX_SCHEDULED_FOLLOW_UPS }, (_, index) => ({
      followUpId: followUpIdOf(index),
      dueDate: '2026-09-30',
    }));

    expect(errorsOf(SUBJECT, withData(SUBJECT, { followUps }))).toEqual([]);
  });

  it('should use the PATH data class and the follow-up subject when defined', () => {
    expect(FOLLOW_UP_SCHEDULED_V1).toMatchObject({
      subject: 'polku.transitions.follow-up.follow-up-scheduled.v1',
      type: 'FollowUpScheduled',
      dataClass: 'PATH',
    });
  });

  it.each(['ownerOrgId', 'followUps'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it.each(['followUpId', 'dueDate'])(
    'should reject the event and name data.followUps.0.%s when a follow-up leaves it out',
    (field) => {
      const followUp: Record<string, unknown> = {
        followUpId: IDS.followUpIds[0],
        dueDate: '2026-09-30',
      };
      delete followUp[field];
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { followUps: [followUp] }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.followUps.0.${field} `))).toBe(true);
    },
  );

  it('should reject the event when it schedules no follow-up', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { followUps: [] }))).toEqual([
      'data.followUps should not be empty',
    ]);
  });

  it(`should reject the event when it schedules more than ${MAX_SCHEDULED_FOLLOW_UPS} follow-ups`, () => {
    const followUps = Array.from({ length: MAX_SCHEDULED_FOLLOW_UPS + 1 }, (_, index) => ({
      followUpId: followUpIdOf(index),
      dueDate: '2026-09-30',
    }));

    expect(errorsOf(SUBJECT, withData(SUBJECT, { followUps }))).toEqual([
      `data.followUps must contain no more than ${MAX_SCHEDULED_FOLLOW_UPS} elements`,
    ]);
  });

  it('should reject the event when it names a follow-up twice', () => {
    const followUps = [
      { followUpId: IDS.followUpIds[0], dueDate: '2026-09-30' },
      { followUpId: IDS.followUpIds[0], dueDate: '2026-11-30' },
    ];

    expect(errorsOf(SUBJECT, withData(SUBJECT, { followUps }))).toEqual([
      'data.followUps must not name a follow-up twice',
    ]);
  });

  it.each([
    [{ followUpId: 'FU-1', dueDate: '2026-09-30' }, 'data.followUps.0.followUpId must be a UUID'],
    [
      { followUpId: IDS.followUpIds[0], dueDate: '2026-09-31' },
      'data.followUps.0.dueDate must be a real calendar date',
    ],
  ])('should reject the event when a follow-up is %p', (followUp, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { followUps: [followUp] }))).toEqual([message]);
  });

  it('should reject the event when a follow-up is a bare date', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { followUps: ['2026-09-30'] }))).toEqual([
      'data.followUps.0: each value in nested property followUps must be either object or array',
    ]);
  });

  it('should reject the event when ownerOrgId is not a uuid', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { ownerOrgId: 'provider' }))).toEqual([
      'data.ownerOrgId must be a UUID',
    ]);
  });
});
