import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { HasNoPersonalIdentityCode, IsIsoDate } from '../events/event-validators';
import {
  LINKED_PLAN_KINDS,
  MAX_LINKED_PLANS,
  MAX_PLAN_PARTIES,
  PLAN_PARTY_ROLES,
  type LinkedPlanKind,
  type PlanPartyRole,
} from '../events/plans/activation-plan-agreed.event';
import { MAX_GAS_LEVEL_TEXT_LENGTH, MAX_GOAL_TEXT_LENGTH } from '../events/plans/goal-set.event';
import { FieldDoc } from '../field-doc.decorator';

/** How many goals one plan holds: a few goals the client can keep in mind, not a list. */
export const MAX_PLAN_GOALS = 10;

/** An organisation that agrees the plan, and its part in it. */
export class PlanPartyInput {
  @FieldDoc('An organisation that agrees the plan with the client.')
  @IsUUID()
  orgId!: string;

  @FieldDoc(
    'Deprecated: the organisation’s role is the one in the organisation registry. When given, it must equal that role (else 400).',
  )
  @IsOptional()
  @IsIn(PLAN_PARTY_ROLES)
  role?: PlanPartyRole;
}

/** Another plan of the client's, named by reference only. */
export class LinkedPlanInput {
  @FieldDoc('What kind of plan it is.')
  @IsIn(LINKED_PLAN_KINDS)
  kind!: LinkedPlanKind;

  @FieldDoc('The plan’s number or id in the holding organisation’s records; never content.', {
    example: 'TYP-2026-0412',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @HasNoPersonalIdentityCode()
  reference!: string;

  @FieldDoc('The organisation that holds it, when it is in polku.')
  @IsOptional()
  @IsUUID()
  heldByOrgId?: string;
}

/** A goal attainment scale (GAS): what each of five outcomes means for this goal. */
export class GasScaleInput {
  @FieldDoc('−2: much less than expected')
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_GAS_LEVEL_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  levelMinus2!: string;

  @FieldDoc('−1: somewhat less')
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_GAS_LEVEL_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  levelMinus1!: string;

  @FieldDoc('0: the expected outcome')
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_GAS_LEVEL_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  level0!: string;

  @FieldDoc('+1: somewhat more')
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_GAS_LEVEL_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  levelPlus1!: string;

  @FieldDoc('+2: much more than expected')
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
  @FieldDoc('An existing goal of the plan; absent for a new goal.')
  @IsOptional()
  @IsUUID()
  goalId?: string;

  @FieldDoc('The goal in the client’s own words.', {
    example: 'Pystyn olemaan työtoiminnassa kolme päivää viikossa.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_GOAL_TEXT_LENGTH)
  @HasNoPersonalIdentityCode()
  text!: string;

  @FieldDoc('All five GAS levels, or none.')
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GasScaleInput)
  gasScale?: GasScaleInput;
}

/** The content of a plan version: what the parties agree with the client. */
export class PlanContentInput {
  @FieldDoc(
    'The organisations that agree the plan, each once; the caller’s organisation must be one.',
  )
  @ValidateNested({ each: true })
  @Type(() => PlanPartyInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PLAN_PARTIES)
  parties!: PlanPartyInput[];

  @FieldDoc('True when the client agreed this version of the plan.')
  @IsBoolean()
  clientAgreed!: boolean;

  @FieldDoc('The client’s other plans.')
  @ValidateNested({ each: true })
  @Type(() => LinkedPlanInput)
  @ArrayMaxSize(MAX_LINKED_PLANS)
  linkedPlans!: LinkedPlanInput[];

  @FieldDoc(
    'When the plan is reviewed; not before today. Absent: PLAN_REVIEW_INTERVAL_MONTHS after today.',
    { example: '2027-06-01' },
  )
  @IsOptional()
  @IsIsoDate()
  reviewDate?: string;

  @FieldDoc('The plan’s goals in the client’s own words.')
  @ValidateNested({ each: true })
  @Type(() => PlanGoalInput)
  @ArrayMaxSize(MAX_PLAN_GOALS)
  goals!: PlanGoalInput[];
}
