import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { MEASURE_RESUMED_V1 } from './measure-resumed.event';

const SUBJECT = MEASURE_RESUMED_V1.subject;

describe('MeasureResumed v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should use the HEALTH_FLAG data class and the measure subject when defined', () => {
    expect(MEASURE_RESUMED_V1).toMatchObject({
      subject: 'polku.plans.measure.measure-resumed.v1',
      type: 'MeasureResumed',
      dataClass: 'HEALTH_FLAG',
    });
  });

  it.each(['measureId', 'resumedAt'])(
    'should reject the event and name data.%s when that required field is missing',
    (field) => {
      const errors = errorsOf(SUBJECT, withData(SUBJECT, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event when measureId is not a uuid', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { measureId: 'KTT-1' }))).toEqual([
      'data.measureId must be a UUID',
    ]);
  });

  it.each([
    [
      '2026-06-01T09:00:00+03:00',
      'data.resumedAt must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z',
    ],
    ['2026-02-30T06:00:00.000Z', 'data.resumedAt must be a real instant'],
  ])('should reject the event when resumedAt is %s', (resumedAt, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { resumedAt }))).toEqual([message]);
  });
});
