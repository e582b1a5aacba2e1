import { type ActivationPlansConfig } from '@polku/config';
import { type MeasureType } from '@polku/contracts';
import { isIsoDate } from '@polku/timers';
import { lastsAtLeast, lastsAtMost, periodLength, type MonthsAndDays } from './calendar-months';

/**
 * Limits the law sets on a schedule of rehabilitative work activity (KTT). They come from
 * configuration (docs/plans.md), so a change of law is a change of configuration.
 */
export interface RehabilitativeWorkActivityLimits {
  readonly periodMinMonths: number;
  readonly periodMaxMonths: number;
  readonly daysPerWeekMin: number;
  readonly daysPerWeekMax: number;
  readonly hoursPerDayMin: number;
  /** Quoted to caseworkers with every KTT violation, e.g. "Act 189/2001 as amended by Act 142/2015". */
  readonly legalSource: string;
}

/** The legal parameters of measures and plans, as configured for this installation. */
export interface LegalParameters {
  readonly rehabilitativeWorkActivity: RehabilitativeWorkActivityLimits;
  readonly planReviewIntervalMonths: number;
}

/** The schedule of one measure, as a caseworker plans it. Dates are Finnish calendar days. */
export interface MeasureSchedule {
  readonly measureType: MeasureType;
  /** First day of the measure, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Last planned day of the measure (included), `YYYY-MM-DD`. */
  readonly plannedEndDate: string;
  readonly daysPerWeek: number;
  readonly hoursPerDay: number;
}

/** Every rule a schedule can break. */
export const SCHEDULE_RULES = [
  'START_DATE_INVALID',
  'PLANNED_END_DATE_INVALID',
  'END_BEFORE_START',
  'DAYS_PER_WEEK_RANGE',
  'HOURS_PER_DAY_RANGE',
  'KTT_PERIOD_MIN',
  'KTT_PERIOD_MAX',
  'KTT_DAYS_PER_WEEK_MIN',
  'KTT_DAYS_PER_WEEK_MAX',
  'KTT_HOURS_PER_DAY_MIN',
] as const;
export type ScheduleRule = (typeof SCHEDULE_RULES)[number];

/** One broken rule, in words a caseworker understands. */
export interface ScheduleViolation {
  readonly rule: ScheduleRule;
  readonly field: Exclude<keyof MeasureSchedule, 'measureType'>;
  readonly message: string;
  /** The law the rule comes from; null for plain sense checks such as "end not before start". */
  readonly legalSource: string | null;
}

/** The legal parameters an installation is configured with. */
export function legalParametersOf(config: ActivationPlansConfig): LegalParameters {
  return {
    rehabilitativeWorkActivity: {
      periodMinMonths: config.KTT_PERIOD_MIN_MONTHS,
      periodMaxMonths: config.KTT_PERIOD_MAX_MONTHS,
      daysPerWeekMin: config.KTT_DAYS_PER_WEEK_MIN,
      daysPerWeekMax: config.KTT_DAYS_PER_WEEK_MAX,
      hoursPerDayMin: config.KTT_HOURS_PER_DAY_MIN,
      legalSource: config.KTT_LEGAL_SOURCE,
    },
    planReviewIntervalMonths: config.PLAN_REVIEW_INTERVAL_MONTHS,
  };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function months(count: number): string {
  return plural(count, 'month', 'months');
}

/** "2 months and 10 days", "3 months", "20 days". */
function spoken(length: MonthsAndDays): string {
  if (length.days === 0) {
    return months(length.months);
  }
  const days = plural(length.days, 'day', 'days');
  return length.months === 0 ? days : `${months(length.months)} and ${days}`;
}

function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

const isWholeDaysPerWeek = (value: number) => Number.isInteger(value) && value >= 1 && value <= 7;
const isHoursPerDay = (value: number) => Number.isFinite(value) && value > 0 && value <= 24;

/** Checks that hold for every measure, whatever the law says about its type. */
function commonViolations(measure: MeasureSchedule): ScheduleViolation[] {
  const violations: ScheduleViolation[] = [];
  const sense = (rule: ScheduleRule, field: ScheduleViolation['field'], message: string) =>
    violations.push({ rule, field, message, legalSource: null });
  const startValid = isIsoDate(measure.startDate);
  const endValid = isIsoDate(measure.plannedEndDate);
  if (!startValid) {
    sense(
      'START_DATE_INVALID',
      'startDate',
      `The start date must be a calendar date written YYYY-MM-DD; got ${shown(measure.startDate)}.`,
    );
  }
  if (!endValid) {
    sense(
      'PLANNED_END_DATE_INVALID',
      'plannedEndDate',
      `The planned end date must be a calendar date written YYYY-MM-DD; got ${shown(measure.plannedEndDate)}.`,
    );
  }
  if (startValid && endValid && measure.plannedEndDate < measure.startDate) {
    sense(
      'END_BEFORE_START',
      'plannedEndDate',
      `The planned end date ${measure.plannedEndDate} is before the start date ${measure.startDate}.`,
    );
  }
  if (!isWholeDaysPerWeek(measure.daysPerWeek)) {
    sense(
      'DAYS_PER_WEEK_RANGE',
      'daysPerWeek',
      `Days a week must be a whole number from 1 to 7; this schedule has ${shown(measure.daysPerWeek)}.`,
    );
  }
  if (!isHoursPerDay(measure.hoursPerDay)) {
    sense(
      'HOURS_PER_DAY_RANGE',
      'hoursPerDay',
      `Hours a day must be more than 0 and at most 24; this schedule has ${shown(measure.hoursPerDay)}.`,
    );
  }
  return violations;
}

/**
 * The limits of rehabilitative work activity. A field that already failed a common check is not
 * judged again, so one mistake gives one message.
 */
function rehabilitativeWorkActivityViolations(
  measure: MeasureSchedule,
  limits: RehabilitativeWorkActivityLimits,
): ScheduleViolation[] {
  const violations: ScheduleViolation[] = [];
  const source = limits.legalSource;
  const legal = (rule: ScheduleRule, field: ScheduleViolation['field'], message: string) =>
    violations.push({ rule, field, message, legalSource: source });
  const { startDate, plannedEndDate, daysPerWeek, hoursPerDay } = measure;

  if (isIsoDate(startDate) && isIsoDate(plannedEndDate) && plannedEndDate >= startDate) {
    const length = spoken(periodLength(startDate, plannedEndDate));
    const period = { start: startDate, lastDay: plannedEndDate };
    if (!lastsAtLeast(period, limits.periodMinMonths)) {
      legal(
        'KTT_PERIOD_MIN',
        'plannedEndDate',
        `A period of rehabilitative work activity is at least ${months(limits.periodMinMonths)} (${source}); this one is ${length}.`,
      );
    }
    if (!lastsAtMost(period, limits.periodMaxMonths)) {
      legal(
        'KTT_PERIOD_MAX',
        'plannedEndDate',
        `A period of rehabilitative work activity is at most ${months(limits.periodMaxMonths)} at a time (${source}); this one is ${length}.`,
      );
    }
  }
  if (isWholeDaysPerWeek(daysPerWeek)) {
    const days = (count: number) => plural(count, 'day', 'days');
    if (daysPerWeek < limits.daysPerWeekMin) {
      legal(
        'KTT_DAYS_PER_WEEK_MIN',
        'daysPerWeek',
        `Rehabilitative work activity is arranged on at least ${days(limits.daysPerWeekMin)} a week (${source}); this schedule has ${days(daysPerWeek)}.`,
      );
    }
    if (daysPerWeek > limits.daysPerWeekMax) {
      legal(
        'KTT_DAYS_PER_WEEK_MAX',
        'daysPerWeek',
        `Rehabilitative work activity is arranged on at most ${days(limits.daysPerWeekMax)} a week (${source}); this schedule has ${days(daysPerWeek)}.`,
      );
    }
  }
  if (isHoursPerDay(hoursPerDay) && hoursPerDay < limits.hoursPerDayMin) {
    legal(
      'KTT_HOURS_PER_DAY_MIN',
      'hoursPerDay',
      `A day of rehabilitative work activity is at least ${plural(limits.hoursPerDayMin, 'hour', 'hours')} (${source}); this schedule has ${plural(hoursPerDay, 'hour', 'hours')}.`,
    );
  }
  return violations;
}

/**
 * Every rule the schedule of a measure breaks, or an empty list when it keeps them all. Pure:
 * the limits come in `rules` (see legalParametersOf), never from the clock or the environment.
 */
export function validateMeasureSchedule(
  measure: MeasureSchedule,
  rules: LegalParameters,
): ScheduleViolation[] {
  const common = commonViolations(measure);
  switch (measure.measureType) {
    case 'REHABILITATIVE_WORK_ACTIVITY':
      return [
        ...common,
        ...rehabilitativeWorkActivityViolations(measure, rules.rehabilitativeWorkActivity),
      ];
    // The sources and docs/domain.md give no legal schedule limits for these (docs/domain.md §1.2, §3.4).
    case 'SOCIAL_WELFARE_WORK_ACTIVITY':
    case 'WORK_TRIAL':
    case 'PAY_SUBSIDISED_WORK':
    case 'KELA_JOB_COACHING':
    case 'LABOUR_MARKET_TRAINING':
    case 'WORK_COACHING':
    case 'OTHER':
      return common;
  }
}
