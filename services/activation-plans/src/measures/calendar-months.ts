import { addCalendarDays, InvalidIsoDateError, type IsoDate } from '@polku/timers';

// Month arithmetic on ISO calendar dates through Date.UTC only, like @polku/timers: a local-time
// Date would move a Finnish date by a day on a host outside Helsinki time.

const MS_PER_DAY = 86_400_000;

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function partsOf(date: IsoDate): DateParts {
  // addCalendarDays throws InvalidIsoDateError for anything but a real YYYY-MM-DD day.
  addCalendarDays(date, 0);
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format({ year, month, day }: DateParts): IsoDate {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Whether `value` is a real calendar day in `YYYY-MM-DD` form. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    partsOf(value);
    return true;
  } catch (error) {
    if (error instanceof InvalidIsoDateError) {
      return false;
    }
    throw error;
  }
}

/**
 * The same day of the month `n` months after `date` (before it when n is negative), or the last
 * day of that month when it is shorter: 2025-01-31 plus one month is 2025-02-28.
 */
export function addCalendarMonths(date: IsoDate, n: number): IsoDate {
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  const ms = (parts: DateParts) => Date.UTC(parts.year, parts.month - 1, parts.day);
  return (ms(partsOf(to)) - ms(partsOf(from))) / MS_PER_DAY;
}

/**
 * The first day after a period of `n` months from `start`. The period ends the day before the
 * day with the same number `n` months later, or on the last day of that month when it has no
 * such day: a month from 31 January ends on 28 February, so the next day is 1 March.
 */
function dayAfterPeriod(start: IsoDate, n: number): IsoDate {
  const clamped = addCalendarMonths(start, n);
  return partsOf(clamped).day === partsOf(start).day ? clamped : addCalendarDays(clamped, 1);
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
  const from = partsOf(start);
  const to = partsOf(end);
  let months = Math.max(0, (to.year - from.year) * 12 + (to.month - from.month));
  while (months > 0 && dayAfterPeriod(start, months) > end) {
    months -= 1;
  }
  while (dayAfterPeriod(start, months + 1) <= end) {
    months += 1;
  }
  return { months, days: daysBetween(dayAfterPeriod(start, months), end) };
}

/** Whether a period from `start` to `lastDay` (both included) lasts at least `months` months. */
export function lastsAtLeast(start: IsoDate, lastDay: IsoDate, months: number): boolean {
  return dayAfterPeriod(start, months) <= addCalendarDays(lastDay, 1);
}

/** Whether a period from `start` to `lastDay` (both included) lasts at most `months` months. */
export function lastsAtMost(start: IsoDate, lastDay: IsoDate, months: number): boolean {
  return addCalendarDays(lastDay, 1) <= dayAfterPeriod(start, months);
}
