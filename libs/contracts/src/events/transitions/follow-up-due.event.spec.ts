import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { FOLLOW_UP_DUE_V1 } from './follow-up-due.event';

const SUBJECT = FOLLOW_UP_DUE_V1.subject;

describe('FollowUpDue v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the PATH data class and the follow-up subject when defined', () => {
    expect(FOLLOW_UP_DUE_V1).toMatchObject({
      subject: 'polku.transitions.follow-up.follow-up-due.v1',
      type: 'FollowUpDue',
      dataClass: 'PATH',
    });
  });

  it.each(['followUpId', 'dueDate', 'ownerOrgId'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it.each([
    ['followUpId', 'FU-1', 'data.followUpId must be a UUID'],
    ['ownerOrgId', 'provider', 'data.ownerOrgId must be a UUID'],
    ['dueDate', '30.9.2026', 'data.dueDate must be a date as YYYY-MM-DD'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toContain(message);
  });
});
