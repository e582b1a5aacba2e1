import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { MEASURE_PAUSED_V1 } from './measure-paused.event';

const SUBJECT = MEASURE_PAUSED_V1.subject;

describe('MeasurePaused v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each(['HEALTH_CARE_MEASURE', 'SICK_LEAVE', 'WAITING', 'OTHER'])(
    'should accept the event when reasonCategory is %s',
    (reasonCategory) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { reasonCategory }))).toEqual([]);
    },
  );

  it('should accept the event when the day back is not known', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { expectedResume: undefined }))).toEqual([]);
  });

  it('should use the HEALTH_FLAG data class and the measure subject when defined', () => {
    expect(MEASURE_PAUSED_V1).toMatchObject({
      subject: 'polku.plans.measure.measure-paused.v1',
      type: 'MeasurePaused',
      dataClass: 'HEALTH_FLAG',
    });
  });

  it.each(['measureId', 'reasonCategory', 'pausedAt'])(
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

  it('should reject the event when reasonCategory names the treatment', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { reasonCategory: 'PAIHDEKUNTOUTUS' }))).toEqual([
      'data.reasonCategory must be one of the following values: HEALTH_CARE_MEASURE, SICK_LEAVE, WAITING, OTHER',
    ]);
  });

  it.each([
    ['2026-05-04', 'data.pausedAt must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z'],
    ['2026-05-04T25:00:00.000Z', 'data.pausedAt must be a real instant'],
  ])('should reject the event when pausedAt is %s', (pausedAt, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { pausedAt }))).toEqual([message]);
  });

  it.each([
    ['2026-06-31', 'data.expectedResume must be a real calendar date'],
    ['2026-06-01T06:00:00.000Z', 'data.expectedResume must be a date as YYYY-MM-DD'],
  ])('should reject the event when expectedResume is %s', (expectedResume, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { expectedResume }))).toEqual([message]);
  });

  it('should reject the event when it carries the health detail behind the pause', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { diagnosis: 'Masennus, hoitojakso kesken' })),
    ).toEqual(['data.diagnosis should not exist']);
  });
});
