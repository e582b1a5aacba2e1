import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import {
  IsAllowedOnlyWhen,
  IsIsoDate,
  IsNotBefore,
  IsRequiredOnlyWhen,
  WHEN_PRESENT,
} from '../event-validators';
import { MEASURE_TYPES, type MeasureType } from '../shared/measure-type';

/**
 * Where the client does the measure: at the provider itself, or at an external host such as a
 * company, a municipal unit or an association that the provider places the client with.
 */
export const PLACEMENT_KINDS = ['IN_HOUSE', 'EXTERNAL_HOST'] as const;

/** One of {@link PLACEMENT_KINDS}. */
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

/**
 * The employment contract of pay-subsidised work, the one measure with an employment
 * relationship: fixed-term, usually for the subsidy decision's period, or
 * open-ended.
 */
export const EMPLOYMENT_CONTRACT_TYPES = ['FIXED_TERM', 'OPEN_ENDED'] as const;

/** One of {@link EMPLOYMENT_CONTRACT_TYPES}. */
export type EmploymentContractType = (typeof EMPLOYMENT_CONTRACT_TYPES)[number];

/** Where the measure takes place. */
export class MeasurePlacement {
  @FieldDoc('In-house at the provider, or with an external host.')
  @IsIn(PLACEMENT_KINDS)
  readonly kind!: PlacementKind;

  @FieldDoc(
    'The host organisation of an external placement, which decides whether to take the client; absent for an in-house one.',
  )
  @IsUUID('all', WHEN_PRESENT)
  @IsRequiredOnlyWhen('kind', ['EXTERNAL_HOST'])
  readonly hostOrgId?: string;
}

/** When the client takes part: days a week, hours a day, and the period. */
export class MeasureSchedule {
  @FieldDoc(
    'Days a week; the limits of each measure (e.g. 1–4 days for rehabilitative work activity) are configuration in activation-plans.',
  )
  @IsInt()
  @Min(1)
  @Max(7)
  readonly daysPerWeek!: number;

  @FieldDoc(
    'Hours a day, more than 0 and at most 24, with at most two decimals (6.5 is six and a half hours); the minimum of each measure (e.g. 4 hours) is configuration.',
  )
  // The same bounds as activation-plans' HOURS_PER_DAY_RANGE rule, so every schedule it
  // accepts is a valid event; the legal minimum of each measure is configuration there.
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(24)
  readonly hoursPerDay!: number;

  @FieldDoc('The first day of the measure.')
  @IsIsoDate()
  readonly startDate!: string;

  @FieldDoc('The planned last day, inclusive; MeasureEndingSoon reminds before it.')
  @IsIsoDate()
  @IsNotBefore('startDate')
  readonly plannedEndDate!: string;
}

/** Payload of MeasureStarted v1: a client started a measure of the plan. */
export class MeasureStartedPayload {
  @FieldDoc('The measure; attendance, absence, pause and end events name it.')
  @IsUUID()
  readonly measureId!: string;

  @FieldDoc('The activation plan the measure belongs to.')
  @IsUUID()
  readonly planId!: string;

  @FieldDoc('What kind of measure the client started.')
  @IsIn(MEASURE_TYPES)
  readonly measureType!: MeasureType;

  @FieldDoc('Where the measure takes place.')
  @IsObject()
  @ValidateNested()
  @Type(() => MeasurePlacement)
  readonly placement!: MeasurePlacement;

  @FieldDoc('Days a week, hours a day, and the planned period.')
  @IsObject()
  @ValidateNested()
  @Type(() => MeasureSchedule)
  readonly schedule!: MeasureSchedule;

  @FieldDoc(
    'The employment contract with the provider, for pay-subsidised work only; other measures create no employment relationship.',
  )
  @IsOptional()
  @IsIn(EMPLOYMENT_CONTRACT_TYPES)
  @IsAllowedOnlyWhen('measureType', ['PAY_SUBSIDISED_WORK'])
  readonly contractType?: EmploymentContractType;
}

/** A client starts a measure (docs/domain.md §10.2 S3, §1.2, §3.5). */
export const MEASURE_STARTED_V1 = defineEvent({
  subject: 'polku.plans.measure.measure-started.v1',
  type: 'MeasureStarted',
  version: 1,
  // PATH: docs/domain.md §9.3 puts a measure's start and end in the path skeleton that every party
  // of the path sees; the payload is categories, ids, dates and numbers, never free text.
  dataClass: 'PATH',
  payloadClass: MeasureStartedPayload,
  summary:
    'A client started a measure of the activation plan: its type, in-house or with an external host, the weekly schedule and planned period, and for pay-subsidised work the employment contract.',
  emittedBy: 'activation-plans, for the provider.',
});
