import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { FOLLOW_UP_MISSED_V1 } from './follow-up-missed.event';

const SUBJECT = FOLLOW_UP_MISSED_V1.subject;

describe('FollowUpMissed v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the PATH data class and the follow-up subject when defined', () => {
    expect(FOLLOW_UP_MISSED_V1).toMatchObject({
      subject: 'polku.transitions.follow-up.follow-up-missed.v1',
      type: 'FollowUpMissed',
      dataClass: 'PATH',
    });
  });

  it.each(['followUpId', 'dueDate', 'ownerOrgId', 'escalatedTo'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it.each(['WORKER', 'TEAM_LEAD'])(
    'should reject the event when it is escalated to %s rather than the manager',
    (escalatedTo) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { escalatedTo }))).toEqual([
        'data.escalatedTo must be one of the following values: MANAGER',
      ]);
    },
  );

  it.each([
    ['followUpId', 'FU-2', 'data.followUpId must be a UUID'],
    ['ownerOrgId', 'provider', 'data.ownerOrgId must be a UUID'],
    ['dueDate', '2026-11-31', 'data.dueDate must be a real calendar date'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([message]);
  });
});
