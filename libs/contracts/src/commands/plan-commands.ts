import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HasNoPersonalIdentityCode, IsIsoDate } from '../events/event-validators';
import {
  ABSENCE_REASON_CATEGORIES,
  type AbsenceReasonCategory,
} from '../events/plans/absence-reported.event';
import {
  LINKED_PLAN_KINDS,
  MAX_LINKED_PLANS,
  MAX_PLAN_PARTIES,
  PLAN_PARTY_ROLES,
  type LinkedPlanKind,
  type PlanPartyRole,
} from '../events/plans/activation-plan-agreed.event';
import {
  PLAN_REVISION_REASONS,
  type PlanRevisionReason,
} from '../events/plans/activation-plan-revised.event';
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
} from '../events/plans/attendance-recorded.event';
import {
  GOAL_PROGRESS_ASSESSORS,
  type GoalProgressAssessor,
} from '../events/plans/goal-progress-recorded.event';
import { MAX_GAS_LEVEL_TEXT_LENGTH, MAX_GOAL_TEXT_LENGTH } from '../events/plans/goal-set.event';
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
import { STATEMENT_KINDS, type StatementKind } from '../events/plans/statement-requested.event';
import { MEASURE_TYPES, type MeasureType } from '../events/shared/measure-type';

/**
 * Request/reply subjects of activation-plans. Only the gateway sends them, with the caller's
 * principal in the `polku-principal` header; the service checks access again. Every command is
 * path-scoped (`PathScoped`, or `VersionedPathCommand` when it names a plan version or an id).
 */
export const PLAN_COMMANDS = {
  agreePlan: 'polku-rpc.activation-plans.agree-plan.v1',
  revisePlan: 'polku-rpc.activation-plans.revise-plan.v1',
  getPlan: 'polku-rpc.activation-plans.get-plan.v1',
  getPlanHistory: 'polku-rpc.activation-plans.get-plan-history.v1',
  recordGoalProgress: 'polku-rpc.activation-plans.record-goal-progress.v1',
  startMeasure: 'polku-rpc.activation-plans.start-measure.v1',
  listMeasures: 'polku-rpc.activation-plans.list-measures.v1',
  recordAttendance: 'polku-rpc.activation-plans.record-attendance.v1',
  reportAbsence: 'polku-rpc.activation-plans.report-absence.v1',
  pauseMeasure: 'polku-rpc.activation-plans.pause-measure.v1',
  resumeMeasure: 'polku-rpc.activation-plans.resume-measure.v1',
  endMeasure: 'polku-rpc.activation-plans.end-measure.v1',
  requestStatement: 'polku-rpc.activation-plans.request-statement.v1',
  issueStatement: 'polku-rpc.activation-plans.issue-statement.v1',
  listStatements: 'polku-rpc.activation-plans.list-statements.v1',
} as const;

/** How many goals one plan holds: a few goals the client can keep in mind, not a list. */
export const MAX_PLAN_GOALS = 10;

/** At most this many characters in the note that says why a plan was revised. */
export const MAX_REVISION_NOTE_LENGTH = 500;

export class PlanPartyInput {
  @ApiProperty({ description: 'An organisation that agrees the plan with the client.' })
  @IsUUID()
  orgId!: string;

  @ApiProperty({ enum: PLAN_PARTY_ROLES })
  @IsIn(PLAN_PARTY_ROLES)
  role!: PlanPartyRole;
}

export class LinkedPlanInput {
  @ApiProperty({ enum: LINKED_PLAN_KINDS })
  @IsIn(LINKED_PLAN_KINDS)
  kind!: LinkedPlanKind;

  @ApiProperty({
    description: 'The plan’s number or id in the holding organisation’s records; never content.',
    maxLength: 100,
    example: 'TYP-2026-0412',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @HasNoPersonalIdentityCode()
  reference!: string;

  @ApiPropertyOptional({ description: 'The organisation that holds it, when it is in polku.' })
  @IsOptional()
  @IsUUID()
  heldByOrgId?: string;
}

export class GasScaleInput {
  @ApiProperty({ maxLength: MAX_GAS_LEVEL_TEXT_LENGTH, description: '−2: much less than expected' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_GAS_LEVEL_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  levelMinus2!: string;

  @ApiProperty({ maxLength: MAX_GAS_LEVEL_TEXT_LENGTH, description: '−1: somewhat less' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_GAS_LEVEL_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  levelMinus1!: string;

  @ApiProperty({ maxLength: MAX_GAS_LEVEL_TEXT_LENGTH, description: '0: the expected outcome' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_GAS_LEVEL_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  level0!: string;

  @ApiProperty({ maxLength: MAX_GAS_LEVEL_TEXT_LENGTH, description: '+1: somewhat more' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_GAS_LEVEL_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  levelPlus1!: string;

  @ApiProperty({ maxLength: MAX_GAS_LEVEL_TEXT_LENGTH, description: '+2: much more than expected' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_GAS_LEVEL_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  levelPlus2!: string;
}

/**
 * A goal of the plan in the client's own words. Without `goalId` it is a new goal; with the id
 * of a goal of the current version it keeps that goal (its progress records stay with it),
 * changed or not. A goal of the current version left out of a revision is dropped.
 */
export class PlanGoalInput {
  @ApiPropertyOptional({ description: 'An existing goal of the plan; absent for a new goal.' })
  @IsOptional()
  @IsUUID()
  goalId?: string;

  @ApiProperty({
    maxLength: MAX_GOAL_TEXT_LENGTH,
    description: 'The goal in the client’s own words.',
    example: 'Pystyn olemaan työtoiminnassa kolme päivää viikossa.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_GOAL_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  text!: string;

  @ApiPropertyOptional({ type: GasScaleInput, description: 'All five GAS levels, or none.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GasScaleInput)
  gasScale?: GasScaleInput;
}

/** The content of a plan version: what the parties agree with the client. */
export class PlanContentInput {
  @ApiProperty({
    type: PlanPartyInput,
    isArray: true,
    description:
      'The organisations that agree the plan, each once; the caller’s organisation must be one.',
  })
  @ValidateNested({ each: true })
  @Type(() => PlanPartyInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PLAN_PARTIES)
  parties!: PlanPartyInput[];

  @ApiProperty({ description: 'True when the client agreed this version of the plan.' })
  @IsBoolean()
  clientAgreed!: boolean;

  @ApiProperty({ type: LinkedPlanInput, isArray: true, description: 'The client’s other plans.' })
  @ValidateNested({ each: true })
  @Type(() => LinkedPlanInput)
  @ArrayMaxSize(MAX_LINKED_PLANS)
  linkedPlans!: LinkedPlanInput[];

  @ApiPropertyOptional({
    example: '2027-06-01',
    description:
      'When the plan is reviewed; not before today. Absent: PLAN_REVIEW_INTERVAL_MONTHS after today.',
  })
  @IsOptional()
  @IsIsoDate()
  reviewDate?: string;

  @ApiProperty({ type: PlanGoalInput, isArray: true })
  @ValidateNested({ each: true })
  @Type(() => PlanGoalInput)
  @ArrayMaxSize(MAX_PLAN_GOALS)
  goals!: PlanGoalInput[];
}

/** POST /api/v1/paths/{pathId}/activation-plan: version 1 of the path's one activation plan. */
export class AgreePlanCommand extends PlanContentInput {}

/**
 * PUT /api/v1/paths/{pathId}/activation-plan with If-Match: the next version, whole. The
 * service works out what changed (parties, linked plans, goals, review date) and refuses a
 * revision that changes nothing.
 */
export class RevisePlanCommand extends PlanContentInput {
  @ApiProperty({ enum: PLAN_REVISION_REASONS })
  @IsIn(PLAN_REVISION_REASONS)
  reasonCategory!: PlanRevisionReason;

  @ApiPropertyOptional({
    maxLength: MAX_REVISION_NOTE_LENGTH,
    description:
      'Why, in a sentence, for the plan’s history. Stays in activation-plans; never in events.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REVISION_NOTE_LENGTH)
  @HasNoPersonalIdentityCode()
  note?: string;
}

/** POST /api/v1/paths/{pathId}/activation-plan/goals/{goalId}/progress */
export class RecordGoalProgressCommand {
  @ApiPropertyOptional({
    minimum: -2,
    maximum: 2,
    description: 'The GAS level reached, for a goal with a GAS scale.',
  })
  @IsOptional()
  @IsInt()
  @Min(-2)
  @Max(2)
  gasLevel?: number;

  @ApiProperty({ enum: GOAL_PROGRESS_ASSESSORS })
  @IsIn(GOAL_PROGRESS_ASSESSORS)
  assessedBy!: GoalProgressAssessor;
}

export class MeasurePlacementInput {
  @ApiProperty({ enum: PLACEMENT_KINDS })
  @IsIn(PLACEMENT_KINDS)
  kind!: PlacementKind;

  @ApiPropertyOptional({ description: 'The host organisation, for an external placement.' })
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
  @ApiProperty({ example: 3 })
  @IsInt()
  daysPerWeek!: number;

  @ApiProperty({ example: 6, description: 'Hours a day, at most two decimals.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  hoursPerDay!: number;

  @ApiProperty({ example: '2027-01-11' })
  @IsIsoDate()
  startDate!: string;

  @ApiProperty({ example: '2027-07-10', description: 'The planned last day, inclusive.' })
  @IsIsoDate()
  plannedEndDate!: string;
}

/** POST /api/v1/paths/{pathId}/measures: a measure of the path's plan starts. */
export class StartMeasureCommand {
  @ApiProperty({ enum: MEASURE_TYPES })
  @IsIn(MEASURE_TYPES)
  measureType!: MeasureType;

  @ApiProperty({ type: MeasurePlacementInput })
  // An array would pass @ValidateNested as a list of nothing: it must be one object.
  @IsObject()
  @ValidateNested()
  @Type(() => MeasurePlacementInput)
  placement!: MeasurePlacementInput;

  @ApiProperty({ type: MeasureScheduleInput })
  @IsObject()
  @ValidateNested()
  @Type(() => MeasureScheduleInput)
  schedule!: MeasureScheduleInput;

  @ApiPropertyOptional({
    enum: EMPLOYMENT_CONTRACT_TYPES,
    description: 'Pay-subsidised work only.',
  })
  @IsOptional()
  @IsIn(EMPLOYMENT_CONTRACT_TYPES)
  contractType?: EmploymentContractType;
}

/** POST /api/v1/paths/{pathId}/measures/{measureId}/attendance */
export class RecordAttendanceCommand {
  @ApiProperty({ example: '2027-01-12' })
  @IsIsoDate()
  date!: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status!: AttendanceStatus;
}

/** POST /api/v1/paths/{pathId}/measures/{measureId}/absences: the reason as a category only. */
export class ReportAbsenceCommand {
  @ApiProperty({ example: '2027-01-13' })
  @IsIsoDate()
  date!: string;

  @ApiProperty({ enum: ABSENCE_REASON_CATEGORIES })
  @IsIn(ABSENCE_REASON_CATEGORIES)
  reasonCategory!: AbsenceReasonCategory;
}

/** POST /api/v1/paths/{pathId}/measures/{measureId}/pause */
export class PauseMeasureCommand {
  @ApiProperty({ enum: MEASURE_PAUSE_REASON_CATEGORIES })
  @IsIn(MEASURE_PAUSE_REASON_CATEGORIES)
  reasonCategory!: MeasurePauseReasonCategory;

  @ApiPropertyOptional({ example: '2027-03-01', description: 'When the client is expected back.' })
  @IsOptional()
  @IsIsoDate()
  expectedResume?: string;
}

/** POST /api/v1/paths/{pathId}/measures/{measureId}/end */
export class EndMeasureCommand {
  @ApiProperty({ example: '2027-07-10' })
  @IsIsoDate()
  endDate!: string;

  @ApiProperty({ enum: MEASURE_END_REASONS })
  @IsIn(MEASURE_END_REASONS)
  endReason!: MeasureEndReason;
}

/** POST /api/v1/paths/{pathId}/statements: a statement or coaching summary is asked for. */
export class RequestStatementCommand {
  @ApiProperty({ enum: STATEMENT_KINDS })
  @IsIn(STATEMENT_KINDS)
  kind!: StatementKind;

  @ApiPropertyOptional({ description: 'The measure it is about; absent: about the plan.' })
  @IsOptional()
  @IsUUID()
  measureId?: string;

  @ApiPropertyOptional({
    example: '2027-02-15',
    description: 'Due date; absent: STATEMENT_DUE_BUSINESS_DAYS Finnish business days from today.',
  })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;
}
