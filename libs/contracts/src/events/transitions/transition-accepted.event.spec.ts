import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { TRANSITION_ACCEPTED_V1 } from './transition-accepted.event';

const SUBJECT = TRANSITION_ACCEPTED_V1.subject;

describe('TransitionAccepted v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the PATH data class and the handoff subject when defined', () => {
    expect(TRANSITION_ACCEPTED_V1).toMatchObject({
      subject: 'polku.transitions.handoff.transition-accepted.v1',
      type: 'TransitionAccepted',
      dataClass: 'PATH',
    });
  });

  it.each(['transitionId', 'startDate'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it.each([
    ['transitionId', 'HO-1', 'data.transitionId must be a UUID'],
    ['startDate', '2026-09-31', 'data.startDate must be a real calendar date'],
    ['startDate', '2026-09-14T06:00:00.000Z', 'data.startDate must be a date as YYYY-MM-DD'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([message]);
  });
});
