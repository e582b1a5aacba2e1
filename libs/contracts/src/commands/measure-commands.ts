import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../events/event-validators';
import {
  ABSENCE_REASON_CATEGORIES,
  type AbsenceReasonCategory,
} from '../events/plans/absence-reported.event';
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
} from '../events/plans/attendance-recorded.event';
import { MEASURE_END_REASONS, type MeasureEndReason } from '../events/plans/measure-ended.event';
import {
  MEASURE_PAUSE_REASON_CATEGORIES,
  type MeasurePauseReasonCategory,
} from '../events/plans/measure-paused.event';
import {
  EMPLOYMENT_CONTRACT_TYPES,
  PLACEMENT_KINDS,
  type EmploymentContractType,
  type PlacementKind,
} from '../events/plans/measure-started.event';
import { MEASURE_TYPES, type MeasureType } from '../events/shared/measure-type';
import { FieldDoc } from '../field-doc.decorator';

/** Where the measure takes place. */
export class MeasurePlacementInput {
  @FieldDoc('In-house with the provider, or with an external host.')
  @IsIn(PLACEMENT_KINDS)
  kind!: PlacementKind;

  @FieldDoc('The host organisation, for an external placement.')
  @IsOptional()
  @IsUUID()
  hostOrgId?: string;
}

/**
 * The schedule as planned. Only types are checked here; the legal rules (period length, days a
 * week, hours a day) are checked by activation-plans against its configured parameters and
 * answered 422 with the rule that failed.
 */
export class MeasureScheduleInput {
  @FieldDoc('Days a week.', { example: 3 })
  @IsInt()
  daysPerWeek!: number;

  @FieldDoc('Hours a day, at most two decimals.', { example: 6 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  hoursPerDay!: number;

  @FieldDoc('The first day.', { example: '2027-01-11' })
  @IsIsoDate()
  startDate!: string;

  @FieldDoc('The planned last day, inclusive.', { example: '2027-07-10' })
  @IsIsoDate()
  plannedEndDate!: string;
}

/** POST /api/v1/paths/{pathId}/measures: a measure of the path's plan starts. */
export class StartMeasureCommand {
  @FieldDoc('The kind of measure.')
  @IsIn(MEASURE_TYPES)
  measureType!: MeasureType;

  @FieldDoc('Where the measure takes place.')
  // An array would pass @ValidateNested as a list of nothing: it must be one object.
  @IsObject()
  @ValidateNested()
  @Type(() => MeasurePlacementInput)
  placement!: MeasurePlacementInput;

  @FieldDoc('The schedule as planned.')
  @IsObject()
  @ValidateNested()
  @Type(() => MeasureScheduleInput)
  schedule!: MeasureScheduleInput;

  @FieldDoc('Pay-subsidised work only.')
  @IsOptional()
  @IsIn(EMPLOYMENT_CONTRACT_TYPES)
  contractType?: EmploymentContractType;
}

/** POST /api/v1/paths/{pathId}/measures/{measureId}/attendance */
export class RecordAttendanceCommand {
  @FieldDoc('The day.', { example: '2027-01-12' })
  @IsIsoDate()
  date!: string;

  @FieldDoc('Whether the client attended.')
  @IsIn(ATTENDANCE_STATUSES)
  status!: AttendanceStatus;
}

/** POST /api/v1/paths/{pathId}/measures/{measureId}/absences: the reason as a category only. */
export class ReportAbsenceCommand {
  @FieldDoc('The day of the absence.', { example: '2027-01-13' })
  @IsIsoDate()
  date!: string;

  @FieldDoc('Why, as a category only.')
  @IsIn(ABSENCE_REASON_CATEGORIES)
  reasonCategory!: AbsenceReasonCategory;
}

/** POST /api/v1/paths/{pathId}/measures/{measureId}/pause */
export class PauseMeasureCommand {
  @FieldDoc('Why the measure pauses, as a category.')
  @IsIn(MEASURE_PAUSE_REASON_CATEGORIES)
  reasonCategory!: MeasurePauseReasonCategory;

  @FieldDoc('When the client is expected back.', { example: '2027-03-01' })
  @IsOptional()
  @IsIsoDate()
  expectedResume?: string;
}

/** POST /api/v1/paths/{pathId}/measures/{measureId}/end */
export class EndMeasureCommand {
  @FieldDoc('The last day of the measure.', { example: '2027-07-10' })
  @IsIsoDate()
  endDate!: string;

  @FieldDoc('Why the measure ended.')
  @IsIn(MEASURE_END_REASONS)
  endReason!: MeasureEndReason;
}
