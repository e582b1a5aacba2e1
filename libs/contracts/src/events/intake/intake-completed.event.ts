import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { MUNICIPALITY_CODE_PATTERN } from '../shared/municipality';
import { BasicsChecklist } from './basic-needs';

/**
 * The client's economic situation as Table 6 of the thesis groups it: in order, weak, or very
 * weak; UNKNOWN when it was not discussed.
 */
export const ECONOMIC_SITUATIONS = ['IN_ORDER', 'WEAK', 'VERY_WEAK', 'UNKNOWN'] as const;

/** One of {@link ECONOMIC_SITUATIONS}. */
export type EconomicSituation = (typeof ECONOMIC_SITUATIONS)[number];

/**
 * How the client lives: an own home (rented or owned), with parents, in
 * supported housing, or without a home of their own although housing is somehow secured.
 */
export const HOUSING_SITUATIONS = [
  'OWN_HOME',
  'WITH_PARENTS',
  'SUPPORTED_HOUSING',
  'NO_OWN_HOME',
  'UNKNOWN',
] as const;

/** One of {@link HOUSING_SITUATIONS}. */
export type HousingSituation = (typeof HOUSING_SITUATIONS)[number];

/**
 * How much an area of life (relationships, life management; Table 6) weighs on
 * the client's path, as the worker and the client see it.
 */
export const CONCERN_LEVELS = [
  'NO_CONCERN',
  'SOME_CONCERN',
  'SIGNIFICANT_CONCERN',
  'UNKNOWN',
] as const;

/** One of {@link CONCERN_LEVELS}. */
export type ConcernLevel = (typeof CONCERN_LEVELS)[number];

/**
 * The highest education completed: basic education or less, general upper
 * secondary, a vocational qualification, or higher education.
 */
export const EDUCATION_LEVELS = [
  'BASIC_OR_LESS',
  'UPPER_SECONDARY_GENERAL',
  'VOCATIONAL',
  'HIGHER',
  'UNKNOWN',
] as const;

/** One of {@link EDUCATION_LEVELS}. */
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Whether the client's vocational education still serves on today's labour market. */
export const EDUCATION_CURRENCIES = [
  'UP_TO_DATE',
  'OUTDATED',
  'NO_VOCATIONAL_EDUCATION',
  'UNKNOWN',
] as const;

/** One of {@link EDUCATION_CURRENCIES}. */
export type EducationCurrency = (typeof EDUCATION_CURRENCIES)[number];

/**
 * How long the client has been unemployed, in bands whose limits the texts use: twelve months
 * (long-term unemployment), 500 days (the largest group) and 1,000 days.
 */
export const UNEMPLOYMENT_DURATION_BANDS = [
  'NOT_UNEMPLOYED',
  'UNDER_90_DAYS',
  'DAYS_90_TO_364',
  'DAYS_365_TO_499',
  'DAYS_500_TO_999',
  'DAYS_1000_OR_MORE',
  'UNKNOWN',
] as const;

/** One of {@link UNEMPLOYMENT_DURATION_BANDS}. */
export type UnemploymentDurationBand = (typeof UNEMPLOYMENT_DURATION_BANDS)[number];

/**
 * The client's age at intake, in bands: from 18 to retirement age, with youth
 * under 25 and under 30 apart, and UNDER_18 for youth workshops.
 */
export const AGE_BANDS = [
  'UNDER_18',
  'AGE_18_24',
  'AGE_25_29',
  'AGE_30_39',
  'AGE_40_49',
  'AGE_50_59',
  'AGE_60_OR_OVER',
] as const;

/** One of {@link AGE_BANDS}. */
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * Language and integration needs of the client: support in Finnish or Swedish,
 * an interpreter, or integration services.
 */
export const LANGUAGE_AND_INTEGRATION_NEEDS = [
  'LANGUAGE_SUPPORT',
  'INTERPRETER',
  'INTEGRATION_SERVICES',
] as const;

/** One of {@link LANGUAGE_AND_INTEGRATION_NEEDS}. */
export type LanguageAndIntegrationNeed = (typeof LANGUAGE_AND_INTEGRATION_NEEDS)[number];

/**
 * The benefits the client lives on: basic and earnings-related unemployment
 * allowance, labour market subsidy, social assistance, housing allowance, rehabilitation
 * allowance, rehabilitation subsidy, sickness allowance, a pension, or another benefit.
 */
export const CLIENT_BENEFITS = [
  'BASIC_UNEMPLOYMENT_ALLOWANCE',
  'EARNINGS_RELATED_UNEMPLOYMENT_ALLOWANCE',
  'LABOUR_MARKET_SUBSIDY',
  'SOCIAL_ASSISTANCE',
  'HOUSING_ALLOWANCE',
  'REHABILITATION_ALLOWANCE',
  'REHABILITATION_SUBSIDY',
  'SICKNESS_ALLOWANCE',
  'PENSION',
  'OTHER',
] as const;

/** One of {@link CLIENT_BENEFITS}. */
export type ClientBenefit = (typeof CLIENT_BENEFITS)[number];

/**
 * Payload of IntakeCompleted v1: the client's entry situation in coded categories (docs/domain.md
 * §3.1) and the "basics in order" checklist (§3.3). No free text, and health as a flag only.
 */
export class IntakeCompletedPayload {
  @FieldDoc('The intake; a later intake of the same path has a new id.')
  @IsUUID()
  readonly intakeId!: string;

  @FieldDoc('The client’s economic situation as a category; never amounts, debts or creditors.')
  @IsIn(ECONOMIC_SITUATIONS)
  readonly economicSituation!: EconomicSituation;

  @FieldDoc(
    'Whether the client’s health affects work or taking part in a measure: yes or no, never a diagnosis, treatment or any other detail.',
  )
  @IsBoolean()
  readonly healthFlag!: boolean;

  @FieldDoc('How the client lives.')
  @IsIn(HOUSING_SITUATIONS)
  readonly housingSituation!: HousingSituation;

  @FieldDoc('How much relationships and the family situation weigh on the client’s path.')
  @IsIn(CONCERN_LEVELS)
  readonly relationships!: ConcernLevel;

  @FieldDoc(
    'How much life management (direction in life, social skills, everyday routines) weighs on the client’s path.',
  )
  @IsIn(CONCERN_LEVELS)
  readonly lifeManagement!: ConcernLevel;

  @FieldDoc('The highest education the client has completed.')
  @IsIn(EDUCATION_LEVELS)
  readonly educationLevel!: EducationLevel;

  @FieldDoc('Whether the client’s vocational education still serves on today’s labour market.')
  @IsIn(EDUCATION_CURRENCIES)
  readonly educationCurrency!: EducationCurrency;

  @FieldDoc('How long the client has been unemployed, as a band.')
  @IsIn(UNEMPLOYMENT_DURATION_BANDS)
  readonly unemploymentDurationBand!: UnemploymentDurationBand;

  @FieldDoc('The client’s age at intake, as a band; never the birth date.')
  @IsIn(AGE_BANDS)
  readonly ageBand!: AgeBand;

  @FieldDoc(
    'The client’s home municipality as its three-digit Statistics Finland code (e.g. 205 Kajaani), never an address; absent when not recorded. Dashboards count by it.',
    { example: '205' },
  )
  @IsOptional()
  @Matches(MUNICIPALITY_CODE_PATTERN, {
    message: '$property must be a three-digit municipality code',
  })
  readonly municipality?: string;

  @FieldDoc('Language and integration needs; empty when there are none.')
  @IsArray()
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsIn(LANGUAGE_AND_INTEGRATION_NEEDS, {
    each: true,
    message: '$property must contain only the following values: $constraint1',
  })
  readonly languageAndIntegrationNeeds!: LanguageAndIntegrationNeed[];

  @FieldDoc('The benefits the client lives on now; empty when there are none. Never amounts.')
  @IsArray()
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsIn(CLIENT_BENEFITS, {
    each: true,
    message: '$property must contain only the following values: $constraint1',
  })
  readonly currentBenefits!: ClientBenefit[];

  @FieldDoc(
    'The “basics in order” checklist; each `OPEN` item is followed by a BasicNeedIssueFlagged.',
  )
  @IsObject()
  @ValidateNested()
  @Type(() => BasicsChecklist)
  readonly basics!: BasicsChecklist;
}

/** A client worker completed the intake (docs/domain.md §10.2 S1). */
export const INTAKE_COMPLETED_V1 = defineEvent({
  subject: 'polku.intake.intake.intake-completed.v1',
  type: 'IntakeCompleted',
  version: 1,
  // The health flag and the treatment item are special-category data (GDPR Art. 9), so only an
  // organisation covered for HEALTH_FLAG may see the intake.
  dataClass: 'HEALTH_FLAG',
  payloadClass: IntakeCompletedPayload,
  summary:
    'A client worker completed the intake with the client: the entry situation in coded categories and the “basics in order” checklist, with health as a yes/no flag only.',
  emittedBy: 'The client worker of the receiving provider, through client-intake.',
});
