import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { WAIT_EXCEEDED_V1 } from './wait-exceeded.event';

const SUBJECT = WAIT_EXCEEDED_V1.subject;

describe('WaitExceeded v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the HEALTH_FLAG data class and the wait subject when defined', () => {
    expect(WAIT_EXCEEDED_V1).toMatchObject({
      subject: 'polku.transitions.wait.wait-exceeded.v1',
      type: 'WaitExceeded',
      dataClass: 'HEALTH_FLAG',
    });
  });

  it.each(['waitId', 'waitingFor', 'since', 'thresholdBusinessDays'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it.each([
    [
      'waitingFor',
      'A_CLINIC',
      'data.waitingFor must be one of the following values: HEALTH_CARE_ASSESSMENT, MENTAL_HEALTH_SERVICE, SUBSTANCE_ABUSE_SERVICE, DEBT_COUNSELLING, BENEFIT_DECISION, HOUSING, PROVIDER_PLACE, OTHER',
    ],
    ['thresholdBusinessDays', 0, 'data.thresholdBusinessDays must not be less than 1'],
    ['thresholdBusinessDays', 200, 'data.thresholdBusinessDays must not be greater than 120'],
    ['since', '2026-04-31', 'data.since must be a real calendar date'],
    ['waitId', 'W-1', 'data.waitId must be a UUID'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([message]);
  });
});
