import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { WAITING_ENDED_V1 } from './waiting-ended.event';

const SUBJECT = WAITING_ENDED_V1.subject;

describe('WaitingEnded v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the PATH data class and the wait subject when defined', () => {
    expect(WAITING_ENDED_V1).toMatchObject({
      subject: 'polku.transitions.wait.waiting-ended.v1',
      type: 'WaitingEnded',
      dataClass: 'PATH',
    });
  });

  it.each(['waitId', 'endedOn'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when it repeats what was waited for', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { waitingFor: 'SUBSTANCE_ABUSE_SERVICE' }))).toEqual(
      ['data.waitingFor should not exist'],
    );
  });

  it.each([
    ['waitId', 'W-1', 'data.waitId must be a UUID'],
    ['endedOn', '2026-05-12T09:00:00.000Z', 'data.endedOn must be a date as YYYY-MM-DD'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([message]);
  });
});
