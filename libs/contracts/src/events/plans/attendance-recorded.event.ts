import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';

/** Whether the client took part in the whole day as scheduled, or in part of it. */
export const ATTENDANCE_STATUSES = ['PRESENT', 'PARTIAL'] as const;

/** One of {@link ATTENDANCE_STATUSES}. */
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Payload of AttendanceRecorded v1: one day of attendance in a measure. */
export class AttendanceRecordedPayload {
  @FieldDoc('The measure, as in MeasureStarted.')
  @IsUUID()
  readonly measureId!: string;

  @FieldDoc('The day the client attended.')
  @IsIsoDate()
  readonly date!: string;

  @FieldDoc(
    'Whether the client attended the whole scheduled day or part of it; a missed day is AbsenceReported.',
  )
  @IsIn(ATTENDANCE_STATUSES)
  readonly status!: AttendanceStatus;
}

/** The provider records a day's attendance (docs/domain.md §10.2 S3). */
export const ATTENDANCE_RECORDED_V1 = defineEvent({
  subject: 'polku.plans.attendance.attendance-recorded.v1',
  type: 'AttendanceRecorded',
  version: 1,
  // ATTENDANCE (docs/domain.md §9.3): only the provider, and the referrer when it needs attendance
  // for benefits, see it; its own aggregate keeps day-by-day records on their own subjects.
  dataClass: 'ATTENDANCE',
  payloadClass: AttendanceRecordedPayload,
  summary: 'The provider recorded that the client attended a day of a measure, fully or in part.',
  emittedBy: 'activation-plans, for the provider.',
});
