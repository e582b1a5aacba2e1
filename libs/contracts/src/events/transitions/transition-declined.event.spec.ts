import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import {
  TRANSITION_ALTERNATIVE_CATEGORIES,
  TRANSITION_DECLINED_V1,
} from './transition-declined.event';

const SUBJECT = TRANSITION_DECLINED_V1.subject;

describe('TransitionDeclined v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each([...TRANSITION_ALTERNATIVE_CATEGORIES, undefined])(
    'should accept the event when the alternative is %s',
    (alternativeCategory) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { alternativeCategory }))).toEqual([]);
    },
  );

  it('should use the PATH data class and the handoff subject when defined', () => {
    expect(TRANSITION_DECLINED_V1).toMatchObject({
      subject: 'polku.transitions.handoff.transition-declined.v1',
      type: 'TransitionDeclined',
      dataClass: 'PATH',
    });
  });

  it.each(['transitionId', 'reasonCategory'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it.each([
    [
      'reasonCategory',
      'CLIENT_TOO_ILL',
      'data.reasonCategory must be one of the following values: NO_CAPACITY, NOT_SUITABLE, CLIENT_DECLINED, MISSING_FUNDING, OTHER',
    ],
    [
      'alternativeCategory',
      'Kokeillaan kuntouttavaa työtoimintaa keväällä',
      'data.alternativeCategory must be one of the following values: ANOTHER_PROVIDER, ANOTHER_MEASURE, LATER_START, NONE',
    ],
    ['transitionId', 'HO-1', 'data.transitionId must be a UUID'],
  ])('should reject the event when %s is %p', (field, value, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }))).toEqual([message]);
  });
});
