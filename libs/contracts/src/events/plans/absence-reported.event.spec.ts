import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { ABSENCE_REPORTED_V1 } from './absence-reported.event';

const SUBJECT = ABSENCE_REPORTED_V1.subject;

describe('AbsenceReported v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it.each(['SICK', 'CARE_OF_CHILD', 'OFFICIAL_APPOINTMENT', 'UNEXCUSED', 'OTHER'])(
    'should accept the event when reasonCategory is %s',
    (reasonCategory) => {
      expect(errorsOf(SUBJECT, withData(SUBJECT, { reasonCategory }))).toEqual([]);
    },
  );

  it('should use the ATTENDANCE data class and the attendance subject when defined', () => {
    expect(ABSENCE_REPORTED_V1).toMatchObject({
      subject: 'polku.plans.attendance.absence-reported.v1',
      type: 'AbsenceReported',
      dataClass: 'ATTENDANCE',
    });
  });

  it.each(['measureId', 'date', 'reasonCategory'])(
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

  it('should reject the event when date is not a real calendar date', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { date: '2026-02-29' }))).toEqual([
      'data.date must be a real calendar date',
    ]);
  });

  it('should reject the event when reasonCategory is the illness rather than a category', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { reasonCategory: 'migreeni' }))).toEqual([
      'data.reasonCategory must be one of the following values: SICK, CARE_OF_CHILD, OFFICIAL_APPOINTMENT, UNEXCUSED, OTHER',
    ]);
  });

  it('should reject the event when it carries detail beside the category', () => {
    expect(
      errorsOf(SUBJECT, withData(SUBJECT, { reasonDetail: 'Lääkärissä, vatsatauti' })),
    ).toEqual(['data.reasonDetail should not exist']);
  });
});
