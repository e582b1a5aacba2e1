import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { WAITING_FOR_CATEGORIES, WAITING_STARTED_V1 } from './waiting-started.event';

const SUBJECT = WAITING_STARTED_V1.subject;

describe('WaitingStarted v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each(WAITING_FOR_CATEGORIES)(
    'should accept the event when the client waits for %s',
    (waitingFor) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { waitingFor }))).toEqual([]);
    },
  );

  it('should accept the event when the organisation waited for is not known', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { waitingForOrgId: undefined }))).toEqual([]);
  });

  it('should use the HEALTH_FLAG data class and the wait subject when defined', () => {
    expect(WAITING_STARTED_V1).toMatchObject({
      subject: 'polku.transitions.wait.waiting-started.v1',
      type: 'WaitingStarted',
      dataClass: 'HEALTH_FLAG',
    });
  });

  it.each(['waitId', 'waitingFor', 'thresholdBusinessDays'])(
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
      'PSYCHIATRIST',
      'data.waitingFor must be one of the following values: HEALTH_CARE_ASSESSMENT, MENTAL_HEALTH_SERVICE, SUBSTANCE_ABUSE_SERVICE, DEBT_COUNSELLING, BENEFIT_DECISION, HOUSING, PROVIDER_PLACE, OTHER',
    ],
    ['thresholdBusinessDays', 0, 'data.thresholdBusinessDays must not be less than 1'],
    ['thresholdBusinessDays', 121, 'data.thresholdBusinessDays must not be greater than 120'],
    ['thresholdBusinessDays', 10.5, 'data.thresholdBusinessDays must be an integer number'],
    ['waitId', 'W-1', 'data.waitId must be a UUID'],
    ['waitingForOrgId', 'Kela', 'data.waitingForOrgId must be a UUID'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([message]);
  });
});
