import type { DashboardPeriod } from '@polku/contracts';
import { addCalendarDays, addCalendarMonths, isoWeekday, type IsoDate } from '@polku/timers';

/**
 * The periods of a view's columns, on Helsinki calendar days (docs/dashboards.md, "Periods"):
 * ISO weeks from Monday, calendar months, calendar quarters. The SQL buckets facts with
 * date_trunc on the same units, so a fact's column is the period start computed here.
 */

/** date_trunc's unit for a period (never user input inside SQL: only these three words). */
export const SQL_PERIOD_UNIT: Readonly<Record<DashboardPeriod, 'week' | 'month' | 'quarter'>> = {
  WEEK: 'week',
  MONTH: 'month',
  QUARTER: 'quarter',
};

/** How many periods a view shows when the caller gives no `from`: 12 weeks, 12 months, 8 quarters. */
export const DEFAULT_PERIOD_COUNT: Readonly<Record<DashboardPeriod, number>> = {
  WEEK: 12,
  MONTH: 12,
  QUARTER: 8,
};

/** The first day of the period containing `date`. */
export function periodStart(period: DashboardPeriod, date: IsoDate): IsoDate {
  switch (period) {
    case 'WEEK':
      return addCalendarDays(date, 1 - isoWeekday(date));
    case 'MONTH':
      return `${date.slice(0, 8)}01`;
    case 'QUARTER': {
      const month = Number(date.slice(5, 7));
      const first = month - ((month - 1) % 3);
      return `${date.slice(0, 5)}${String(first).padStart(2, '0')}-01`;
    }
  }
}

/** The first day of the period `n` periods after the one starting on `start`. */
export function shiftPeriod(period: DashboardPeriod, start: IsoDate, n: number): IsoDate {
  switch (period) {
    case 'WEEK':
      return addCalendarDays(start, 7 * n);
    case 'MONTH':
      return addCalendarMonths(start, n);
    case 'QUARTER':
      return addCalendarMonths(start, 3 * n);
  }
}

/** The first days of every period from the one containing `from` to the one containing `to`. */
export function periodStarts(period: DashboardPeriod, from: IsoDate, to: IsoDate): IsoDate[] {
  const last = periodStart(period, to);
  const starts: IsoDate[] = [];
  for (
    let start = periodStart(period, from);
    start <= last;
    start = shiftPeriod(period, start, 1)
  ) {
    starts.push(start);
  }
  return starts;
}

/** The default `from`: the start of the period that makes DEFAULT_PERIOD_COUNT periods up to `to`. */
export function defaultFrom(period: DashboardPeriod, to: IsoDate): IsoDate {
  return shiftPeriod(period, periodStart(period, to), 1 - DEFAULT_PERIOD_COUNT[period]);
}
