import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';

/**
 * Why the client was absent, as a category only (docs/domain.md §10.2 S3): sick, caring for a sick
 * child, at an official appointment (e.g. the employment authority or Kela), without an excuse,
 * or another reason. Never the illness or any other detail.
 */
export const ABSENCE_REASON_CATEGORIES = [
  'SICK',
  'CARE_OF_CHILD',
  'OFFICIAL_APPOINTMENT',
  'UNEXCUSED',
  'OTHER',
] as const;

/** One of {@link ABSENCE_REASON_CATEGORIES}. */
export type AbsenceReasonCategory = (typeof ABSENCE_REASON_CATEGORIES)[number];

/** Payload of AbsenceReported v1: one day's absence from a measure, with a reason category. */
export class AbsenceReportedPayload {
  @FieldDoc('The measure, as in MeasureStarted.')
  @IsUUID()
  readonly measureId!: string;

  @FieldDoc('The scheduled day the client was absent.')
  @IsIsoDate()
  readonly date!: string;

  @FieldDoc('Why the client was absent, as a category only; never the illness or other detail.')
  @IsIn(ABSENCE_REASON_CATEGORIES)
  readonly reasonCategory!: AbsenceReasonCategory;
}

/** The provider reports a day's absence (docs/domain.md §10.2 S3). */
export const ABSENCE_REPORTED_V1 = defineEvent({
  subject: 'polku.plans.attendance.absence-reported.v1',
  type: 'AbsenceReported',
  version: 1,
  // ATTENDANCE, as docs/domain.md §9.3 lists absence reports: the referrer needs the category for
  // benefits (an unexcused absence differs from a sick day), so a HEALTH_FLAG class would hide it
  // from the one party that needs it. SICK is a category of one day, never a diagnosis; a longer
  // sick leave pauses the measure with MeasurePaused, which is a HEALTH_FLAG event.
  dataClass: 'ATTENDANCE',
  payloadClass: AbsenceReportedPayload,
  summary:
    'The provider reported that the client was absent on a scheduled day of a measure, with the reason as a category only.',
  emittedBy: 'activation-plans, for the provider.',
});
