import { IsIn, IsOptional, ValidateBy, type ValidationOptions } from 'class-validator';
import { FieldDoc } from '../../field-doc.decorator';

/**
 * The three groups of exit destinations: the thesis's two combined categories of Table 7
 * (outside the labour market, to the labour market) and a continuation in the
 * intermediate labour market (docs/domain.md §3.7).
 */
export const DESTINATION_GROUPS = [
  'OUTSIDE_LABOUR_MARKET',
  'LABOUR_MARKET',
  'CONTINUATION',
] as const;

/** One of {@link DESTINATION_GROUPS}. */
export type DestinationGroup = (typeof DESTINATION_GROUPS)[number];

/**
 * The destination categories of each group (docs/domain.md §3.7, Table 7 with the sub-types the
 * narrative names). UNCLEAR_PATH is a state that needs an owner and a review date, not an end.
 */
export const DESTINATION_CATEGORIES_BY_GROUP = {
  OUTSIDE_LABOUR_MARKET: [
    'PENSION',
    'PENSION_INVESTIGATION',
    'UNEMPLOYED_JOBSEEKER',
    'HEALTH_CARE_TREATMENT',
    'SICK_LEAVE',
    'REHABILITATION_PERIOD',
    'STUDIES',
    'UNCLEAR_PATH',
  ],
  LABOUR_MARKET: ['OPEN_LABOUR_MARKET', 'SUPPORTED_EMPLOYMENT'],
  CONTINUATION: ['ANOTHER_VTM_MEASURE', 'RETURNED_TO_VTM'],
} as const satisfies Readonly<Record<DestinationGroup, readonly string[]>>;

/** A destination category of any group. */
export type DestinationCategory =
  (typeof DESTINATION_CATEGORIES_BY_GROUP)[DestinationGroup][number];

/** Every destination category, group by group. */
export const DESTINATION_CATEGORIES: readonly DestinationCategory[] = DESTINATION_GROUPS.flatMap(
  (group) => DESTINATION_CATEGORIES_BY_GROUP[group],
);

/**
 * Forms of study after an exit to STUDIES: a degree (e.g. a vocational
 * qualification), labour-market training, apprenticeship, integration training, self-motivated
 * study on unemployment benefit, or another form.
 */
export const STUDY_KINDS = [
  'DEGREE_STUDIES',
  'LABOUR_MARKET_TRAINING',
  'APPRENTICESHIP',
  'INTEGRATION_TRAINING',
  'SELF_MOTIVATED_STUDIES',
  'OTHER',
] as const;

/** One of {@link STUDY_KINDS}. */
export type StudyKind = (typeof STUDY_KINDS)[number];

/**
 * Forms of supported employment after an exit to SUPPORTED_EMPLOYMENT, named as
 * in MEASURE_TYPES. The thesis's work practice and working-life coaching merged into the work
 * trial in 2013, so they are not offered.
 */
export const SUPPORTED_EMPLOYMENT_KINDS = [
  'PAY_SUBSIDISED_WORK',
  'WORK_TRIAL',
  'WORK_COACHING',
  'KELA_JOB_COACHING',
  'OTHER',
] as const;

/** One of {@link SUPPORTED_EMPLOYMENT_KINDS}. */
export type SupportedEmploymentKind = (typeof SUPPORTED_EMPLOYMENT_KINDS)[number];

/** The categories that take a sub-type, and the sub-types each one takes. */
export const DESTINATION_SUB_TYPES_BY_CATEGORY = {
  STUDIES: STUDY_KINDS,
  SUPPORTED_EMPLOYMENT: SUPPORTED_EMPLOYMENT_KINDS,
} as const satisfies Partial<Readonly<Record<DestinationCategory, readonly string[]>>>;

/** The kind of a category that takes one: a study kind or a supported-employment kind. */
export type DestinationSubType = StudyKind | SupportedEmploymentKind;

/** Every sub-type, each once. */
export const DESTINATION_SUB_TYPES: readonly DestinationSubType[] = [
  ...new Set<DestinationSubType>([...STUDY_KINDS, ...SUPPORTED_EMPLOYMENT_KINDS]),
];

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function groupOf(args: { object: object } | undefined): unknown {
  return (args?.object as { group?: unknown } | undefined)?.group;
}

function categoryOf(args: { object: object } | undefined): unknown {
  return (args?.object as { category?: unknown } | undefined)?.category;
}

/** The category belongs to the destination's group; for input classes that mirror ExitDestination. */
export function IsCategoryOfGroup(): PropertyDecorator {
  return ValidateBy({
    name: 'isDestinationCategoryOfGroup',
    constraints: [DESTINATION_CATEGORIES_BY_GROUP],
    validator: {
      validate: (value, args) => {
        const group = groupOf(args);
        // An unknown group or category is reported by its own rule, once.
        if (!isOneOf(DESTINATION_GROUPS, group) || !isOneOf(DESTINATION_CATEGORIES, value)) {
          return true;
        }
        return isOneOf(DESTINATION_CATEGORIES_BY_GROUP[group], value);
      },
      defaultMessage: (args) => {
        const group = groupOf(args) as DestinationGroup;
        return `${args?.property} must be a category of the group ${group}: ${DESTINATION_CATEGORIES_BY_GROUP[group].join(', ')}`;
      },
    },
  });
}

/**
 * A sub-type only on STUDIES and SUPPORTED_EMPLOYMENT, and then one of that category's kinds; for
 * input classes that mirror ExitDestination.
 */
export function IsSubTypeOfCategory(): PropertyDecorator {
  return ValidateBy({
    name: 'isDestinationSubTypeOfCategory',
    constraints: [DESTINATION_SUB_TYPES_BY_CATEGORY],
    validator: {
      validate: (value, args) => {
        const category = categoryOf(args);
        if (!isOneOf(DESTINATION_CATEGORIES, category) || !isOneOf(DESTINATION_SUB_TYPES, value)) {
          return true;
        }
        return category === 'STUDIES' || category === 'SUPPORTED_EMPLOYMENT'
          ? isOneOf(DESTINATION_SUB_TYPES_BY_CATEGORY[category], value)
          : false;
      },
      defaultMessage: (args) => {
        const category = categoryOf(args);
        return category === 'STUDIES' || category === 'SUPPORTED_EMPLOYMENT'
          ? `${args?.property} must be one of the kinds of ${category}: ${DESTINATION_SUB_TYPES_BY_CATEGORY[category].join(', ')}`
          : `${args?.property} is allowed only when the category is STUDIES or SUPPORTED_EMPLOYMENT`;
      },
    },
  });
}

/**
 * Where a client went when leaving a measure or the intermediate labour market: a group, a
 * category of that group and, for studies and supported employment, optionally the kind
 * (docs/domain.md §3.7). HandoffProposed can reuse it for the proposed destination.
 */
export class ExitDestination {
  @FieldDoc(
    'The destination group: outside the labour market, the labour market, or a continuation in the intermediate labour market.',
  )
  @IsIn(DESTINATION_GROUPS)
  readonly group!: DestinationGroup;

  @FieldDoc(
    'The destination category, one of the group’s (Table 7 of the thesis, with the sub-types its narrative names).',
  )
  @IsIn(DESTINATION_CATEGORIES)
  @IsCategoryOfGroup()
  readonly category!: DestinationCategory;

  @FieldDoc(
    'For `STUDIES` the form of study, for `SUPPORTED_EMPLOYMENT` the form of support; absent for every other category, and may be absent while not yet known.',
  )
  @IsOptional()
  @IsIn(DESTINATION_SUB_TYPES)
  @IsSubTypeOfCategory()
  readonly subType?: DestinationSubType;
}

/**
 * For a destination property: its category is none of the given ones, e.g. no hand-off to
 * `UNCLEAR_PATH`. Checks only a known category; an unknown one is reported by its own rule.
 */
export function IsDestinationOtherThan(
  categories: readonly DestinationCategory[],
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDestinationOtherThan',
      constraints: [categories],
      validator: {
        validate: (value) => {
          const category = (value as { category?: unknown } | null | undefined)?.category;
          return !isOneOf(categories, category);
        },
        defaultMessage: (args) =>
          `${args?.property} must not have the category ${categories.join(' or ')}`,
      },
    },
    options,
  );
}
