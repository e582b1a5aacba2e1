import { aValidEvent, errorsOf, withData } from '../../../test/event-factories';
import { ATTENDANCE_RECORDED_V1 } from './attendance-recorded.event';

const SUBJECT = ATTENDANCE_RECORDED_V1.subject;

describe('AttendanceRecorded v1', () => {
  it('should accept the event when the payload is valid', () => {
    expect(errorsOf(SUBJECT, aValidEvent(SUBJECT))).toEqual([]);
  });

  it('should accept the event when the client attended part of the day', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { status: 'PARTIAL' }))).toEqual([]);
  });

  it('should use the ATTENDANCE data class and the attendance subject when defined', () => {
    expect(ATTENDANCE_RECORDED_V1).toMatchObject({
      subject: 'polku.plans.attendance.attendance-recorded.v1',
      type: 'AttendanceRecorded',
      dataClass: 'ATTENDANCE',
    });
  });

  it.each(['measureId', 'date', 'status'])(
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
    ['2026-03-32', 'data.date must be a real calendar date'],
    ['2026-03-10T08:00:00.000Z', 'data.date must be a date as YYYY-MM-DD'],
  ])('should reject the event when date is %s', (date, message) => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { date }))).toEqual([message]);
  });

  it('should reject the event when status is ABSENT, which AbsenceReported records', () => {
    expect(errorsOf(SUBJECT, withData(SUBJECT, { status: 'ABSENT' }))).toEqual([
      'data.status must be one of the following values: PRESENT, PARTIAL',
    ]);
  });
});
