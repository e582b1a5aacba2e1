import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1 } from './client-returned-to-intermediate-market.event';

const SUBJECT = CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject;

describe('ClientReturnedToIntermediateMarket v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when the client returns within the first month for the first time', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { monthsSinceExit: 0, loopCount: 1 }))).toEqual([]);
  });

  it('should use the PATH data class and the path subject when defined', () => {
    expect(CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1).toMatchObject({
      subject: 'polku.intake.path.client-returned-to-intermediate-market.v1',
      type: 'ClientReturnedToIntermediateMarket',
      dataClass: 'PATH',
    });
  });

  it.each(['previousPathId', 'monthsSinceExit', 'loopCount'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when previousPathId is not a uuid', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { previousPathId: 'path-1' }))).toEqual([
      'data.previousPathId must be a UUID',
    ]);
  });

  it.each([
    ['monthsSinceExit', -1, ['data.monthsSinceExit must not be less than 0']],
    ['monthsSinceExit', 2.5, ['data.monthsSinceExit must be an integer number']],
    [
      'monthsSinceExit',
      '7',
      [
        'data.monthsSinceExit must be an integer number',
        'data.monthsSinceExit must not be less than 0',
      ],
    ],
    ['loopCount', 0, ['data.loopCount must not be less than 1']],
    ['loopCount', 1.5, ['data.loopCount must be an integer number']],
  ])('should reject the event when %s is %p', (field, value, expected) => {
    const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: value }));

    expect([...errors].sort()).toEqual([...expected].sort());
  });
});
