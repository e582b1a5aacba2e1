import { IsIn, IsOptional, Matches } from 'class-validator';
import { AGE_BANDS, type AgeBand } from '../events/intake/intake-completed.event';
import { MEASURE_TYPES, type MeasureType } from '../events/shared/measure-type';
import { IsIsoDate } from '../events/validators/value-formats';
import { FieldDoc } from '../field-doc.decorator';
import { MUNICIPALITY_CODE_PATTERN } from '../events/shared/municipality';

/**
 * The managers' dashboard views (docs/dashboards.md defines every figure):
 * - destinations: exits by destination (Table 7 grouping) per period;
 * - follow-up-status: where clients are 1, 3 and 6 months after their exit;
 * - sustained-exits: exits to the labour market or studies still there at 6 months, or not;
 * - flows: the links between the path's steps (a Sankey's data), counts and median days;
 * - time-in-step: days in each path state, median and p90;
 * - waiting: waits between services, and referral and hand-off answer delays, median and p90;
 * - decline-reasons: declined referrals and hand-offs by reason;
 * - open-paths: now: open paths by state, unclear paths by age, hand-offs pending, overdue and
 *   escalated, lost paths;
 * - overdue-trends: escalations and missed follow-ups per period;
 * - follow-ups: follow-ups done and missed per period;
 * - re-entry: exits and re-entries within 6 and 12 months, and loop counts;
 * - fragmentation: plans per client and organisations per client;
 * - goal-attainment: the GAS goal attainment distribution.
 */
export const DASHBOARD_VIEWS = [
  'destinations',
  'follow-up-status',
  'sustained-exits',
  'flows',
  'time-in-step',
  'waiting',
  'decline-reasons',
  'open-paths',
  'overdue-trends',
  'follow-ups',
  're-entry',
  'fragmentation',
  'goal-attainment',
] as const;

/** One of {@link DASHBOARD_VIEWS}. */
export type DashboardViewName = (typeof DASHBOARD_VIEWS)[number];

/**
 * Whose figures: ORGANISATION (the caller's own organisation's, the default) or REGION (every
 * organisation's together, never broken down by organisation).
 */
export const DASHBOARD_SCOPES = ['ORGANISATION', 'REGION'] as const;

/** One of {@link DASHBOARD_SCOPES}. */
export type DashboardScope = (typeof DASHBOARD_SCOPES)[number];

/** The periods of a view's columns: ISO weeks (Monday first), calendar months or quarters. */
export const DASHBOARD_PERIODS = ['WEEK', 'MONTH', 'QUARTER'] as const;

/** One of {@link DASHBOARD_PERIODS}. */
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

/** A cell counting fewer clients than this is shown as {@link SMALL_CELL_DISPLAY}. */
export const SMALL_CELL_THRESHOLD = 5;

/** What a small cell shows instead of its count. */
export const SMALL_CELL_DISPLAY = '<5';

/** What a cell hidden by secondary suppression shows (it could have been recovered from totals). */
export const SECONDARY_SUPPRESSION_DISPLAY = '..';

/** The longest range one request may span, in days (about three years). */
export const DASHBOARD_MAX_RANGE_DAYS = 1100;

/**
 * The filters of a dashboard view (GET /api/v1/dashboards/{view}): every given filter must hold.
 * Dates are Europe/Helsinki calendar days; `from` and `to` default to the last 12 months (weeks,
 * quarters: 12 weeks, 8 quarters) up to today.
 */
export class DashboardFilters {
  @FieldDoc(
    'Whose figures: ORGANISATION (yours, the default) or REGION (all, never by organisation).',
  )
  @IsOptional()
  @IsIn(DASHBOARD_SCOPES)
  readonly scope?: DashboardScope;

  @FieldDoc('The columns’ period: WEEK, MONTH (the default) or QUARTER.')
  @IsOptional()
  @IsIn(DASHBOARD_PERIODS)
  readonly period?: DashboardPeriod;

  @FieldDoc('First day counted (YYYY-MM-DD); its whole period is shown.', { example: '2026-01-01' })
  @IsOptional()
  @IsIsoDate()
  readonly from?: string;

  @FieldDoc('Last day counted (YYYY-MM-DD), today at the latest.', { example: '2026-06-30' })
  @IsOptional()
  @IsIsoDate()
  readonly to?: string;

  @FieldDoc('Only clients of this home municipality (its Statistics Finland code).', {
    example: '205',
  })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE_PATTERN, {
    message: '$property must be a three-digit municipality code',
  })
  readonly municipality?: string;

  @FieldDoc('Only figures of this measure type.')
  @IsOptional()
  @IsIn(MEASURE_TYPES)
  readonly measureType?: MeasureType;

  @FieldDoc('Only clients of this age band at intake.')
  @IsOptional()
  @IsIn(AGE_BANDS)
  readonly ageBand?: AgeBand;
}

/** `DASHBOARD_COMMANDS.view`: one view under the filters. */
export class DashboardViewQuery extends DashboardFilters {
  @FieldDoc('The view.')
  @IsIn(DASHBOARD_VIEWS)
  readonly view!: DashboardViewName;
}

/** Why a cell shows no number: a small cell, or one hidden so it cannot be recovered from totals. */
export type DashboardSuppression = 'SMALL_CELL' | 'SECONDARY';

/**
 * One figure. `value` is null exactly when the figure is suppressed or undefined (a median of no
 * clients); `display` is what a person or a CSV shows: the number, `<5`, `..` or empty.
 */
export interface DashboardCell {
  readonly value: number | null;
  readonly display: string;
  readonly suppressed?: DashboardSuppression;
}

/**
 * What a column holds: the count of one period, the row's count over the whole range, a median
 * or 90th percentile in days, or a share of the row's or view's total in per cent.
 */
export type DashboardColumnKind = 'PERIOD' | 'TOTAL' | 'MEDIAN_DAYS' | 'P90_DAYS' | 'SHARE';

/** A column of a view. */
export interface DashboardColumn {
  /** The period's first day (YYYY-MM-DD) for PERIOD, otherwise a name, e.g. `total`, `medianDays`. */
  readonly key: string;
  readonly kind: DashboardColumnKind;
}

/**
 * A row of a view: a category (a destination, a step, a link, a reason…). For a flows link,
 * `from` and `to` name its steps; `group` is the category's upper group where it has one (the
 * destination's Table 7 group, the link's kind).
 */
export interface DashboardRow {
  readonly key: string;
  readonly group?: string;
  readonly from?: string;
  readonly to?: string;
  readonly cells: readonly DashboardCell[];
}

/**
 * A dashboard view: a table of figures with suppression applied, the same for the API, the web UI
 * and the CSV export. Every count is of clients' paths; nothing identifies a client or a worker.
 */
export interface DashboardTable {
  readonly view: DashboardViewName;
  readonly scope: DashboardScope;
  /** The organisation whose figures these are; absent for REGION. */
  readonly orgId?: string;
  readonly period: DashboardPeriod;
  readonly from: string;
  readonly to: string;
  readonly filters: {
    readonly municipality?: string;
    readonly measureType?: MeasureType;
    readonly ageBand?: AgeBand;
  };
  readonly columns: readonly DashboardColumn[];
  readonly rows: readonly DashboardRow[];
  /** The column totals; absent where a total would mean nothing (medians, a Sankey's links). */
  readonly total?: DashboardRow;
  /** The day the figures are as of (Europe/Helsinki); open-paths counts ages up to it. */
  readonly asOf: string;
}

/** `DASHBOARD_COMMANDS.page`: every view under the same filters, for one dashboard page. */
export interface DashboardPage {
  readonly views: readonly DashboardTable[];
}
