import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { MEASURE_ENDED_V1 } from './measure-ended.event';

const SUBJECT = MEASURE_ENDED_V1.subject;

describe('MeasureEnded v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each(['COMPLETED', 'INTERRUPTED', 'TRANSFERRED', 'OTHER'])(
    'should accept the event when endReason is %s',
    (endReason) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { endReason }))).toEqual([]);
    },
  );

  it('should use the PATH data class and the measure subject when defined', () => {
    expect(MEASURE_ENDED_V1).toMatchObject({
      subject: 'polku.plans.measure.measure-ended.v1',
      type: 'MeasureEnded',
      dataClass: 'PATH',
    });
  });

  it.each(['measureId', 'endDate', 'endReason'])(
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
    ['2026-09-31', 'data.endDate must be a real calendar date'],
    ['2026-09-08T14:00:00.000Z', 'data.endDate must be a date as YYYY-MM-DD'],
  ])('should reject the event when endDate is %s', (endDate, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { endDate }))).toEqual([message]);
  });

  it('should reject the event when endReason is free text', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { endReason: 'retkahdus' }))).toEqual([
      'data.endReason must be one of the following values: COMPLETED, INTERRUPTED, TRANSFERRED, OTHER',
    ]);
  });
});
