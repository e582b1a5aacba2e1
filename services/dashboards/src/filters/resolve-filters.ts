import {
  DASHBOARD_MAX_RANGE_DAYS,
  type AgeBand,
  type DashboardFilters,
  type DashboardPeriod,
  type DashboardScope,
  type MeasureType,
} from '@polku/contracts';
import { CommandValidationError } from '@polku/service-runtime';
import { calendarDaysBetween, type IsoDate } from '@polku/timers';
import { defaultFrom, periodStart, periodStarts } from './periods';

/** The filters of a request with their defaults, checked, and the periods they span. */
export interface ResolvedFilters {
  readonly scope: DashboardScope;
  readonly period: DashboardPeriod;
  /** The first day counted: the first day of the period containing the `from` asked for. */
  readonly from: IsoDate;
  /** The last day counted. */
  readonly to: IsoDate;
  /** The first day of every period from `from` to `to`: the PERIOD columns. */
  readonly periods: readonly IsoDate[];
  /** Today in Finland: what `to` may not pass, and what open-paths counts ages up to. */
  readonly today: IsoDate;
  readonly municipality?: string;
  readonly measureType?: MeasureType;
  readonly ageBand?: AgeBand;
}

/**
 * Applies the defaults of docs/dashboards.md ("Filters") to validated filters: scope
 * ORGANISATION, period MONTH, `to` today, `from` so that 12 weeks, 12 months or 8 quarters are
 * shown. Refuses, as the house's validation error, a `to` after today, a `from` after `to` and
 * a range longer than DASHBOARD_MAX_RANGE_DAYS.
 */
export function resolveFilters(filters: DashboardFilters, today: IsoDate): ResolvedFilters {
  const period = filters.period ?? 'MONTH';
  const to = filters.to ?? today;
  if (to > today) {
    throw new CommandValidationError(`to: must not be after today (${today})`);
  }
  const from = filters.from ?? defaultFrom(period, to);
  if (from > to) {
    throw new CommandValidationError('from: must not be after to');
  }
  if (calendarDaysBetween(from, to) > DASHBOARD_MAX_RANGE_DAYS) {
    throw new CommandValidationError(
      `from: the range from–to spans at most ${DASHBOARD_MAX_RANGE_DAYS} days`,
    );
  }
  return {
    scope: filters.scope ?? 'ORGANISATION',
    period,
    from: periodStart(period, from),
    to,
    periods: periodStarts(period, from, to),
    today,
    ...(filters.municipality === undefined ? {} : { municipality: filters.municipality }),
    ...(filters.measureType === undefined ? {} : { measureType: filters.measureType }),
    ...(filters.ageBand === undefined ? {} : { ageBand: filters.ageBand }),
  };
}
