import {
  addCalendarDays,
  addCalendarMonths,
  calendarDaysBetween,
  type IsoDate,
} from '@polku/timers';

// The length of a period in whole calendar months (the legal limits of rehabilitative work
// activity), on @polku/timers' month arithmetic.

/** The day of the month of an ISO date (it is valid: addCalendarMonths checked it). */
const dayOfMonth = (date: IsoDate) => Number(date.slice(8, 10));

/**
 * The first day after a period of `n` months from `start`. The period ends the day before the
 * day with the same number `n` months later, or on the last day of that month when it has no
 * such day: a month from 31 January ends on 28 February, so the next day is 1 March.
 */
function dayAfterPeriod(start: IsoDate, n: number): IsoDate {
  const clamped = addCalendarMonths(start, n);
  return dayOfMonth(clamped) === dayOfMonth(start) ? clamped : addCalendarDays(clamped, 1);
}

/**
 * The last day of a period of `n` months from `start`, both included: 2025-01-15 for 3 months
 * ends 2025-04-14, 2025-01-31 for 1 month ends 2025-02-28.
 */
export function lastDayOfPeriod(start: IsoDate, n: number): IsoDate {
  return addCalendarDays(dayAfterPeriod(start, n), -1);
}

/** A length of time in whole calendar months and the days left over. */
export interface MonthsAndDays {
  readonly months: number;
  readonly days: number;
}

/**
 * How long a period from `start` to `lastDay` lasts, both days included: 2025-01-01 to
 * 2025-03-31 is 3 months, 2025-01-15 to 2025-04-14 is 3 months, 2025-01-31 to 2025-02-28 is
 * 1 month, 2025-01-01 to 2025-03-30 is 2 months and 30 days. `lastDay` must not be before
 * `start`.
 */
export function periodLength(start: IsoDate, lastDay: IsoDate): MonthsAndDays {
  const end = addCalendarDays(lastDay, 1);
  // A first guess from the year and month numbers (YYYY-MM-DD), corrected by the loops below.
  const monthIndex = (date: IsoDate) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  let months = Math.max(0, monthIndex(end) - monthIndex(start));
  while (months > 0 && dayAfterPeriod(start, months) > end) {
    months -= 1;
  }
  while (dayAfterPeriod(start, months + 1) <= end) {
    months += 1;
  }
  return { months, days: calendarDaysBetween(dayAfterPeriod(start, months), end) };
}

/** A period of days from `start` to `lastDay`, both included. */
export interface Period {
  start: IsoDate;
  lastDay: IsoDate;
}

/** Whether a period from `start` to `lastDay` (both included) lasts at least `months` months. */
export function lastsAtLeast({ start, lastDay }: Period, months: number): boolean {
  return dayAfterPeriod(start, months) <= addCalendarDays(lastDay, 1);
}

/** Whether a period from `start` to `lastDay` (both included) lasts at most `months` months. */
export function lastsAtMost({ start, lastDay }: Period, months: number): boolean {
  return addCalendarDays(lastDay, 1) <= dayAfterPeriod(start, months);
}
