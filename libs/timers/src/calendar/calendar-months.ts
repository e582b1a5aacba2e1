import { addCalendarDays, InvalidIsoDateError, type IsoDate } from './iso-date';

// Month and day counts on ISO calendar dates, through Date.UTC only like the rest of the
// calendar: a local-time Date would move a Finnish date by a day on a host outside Helsinki time.

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

const utcMs = (date: IsoDate) => {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day);
};

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

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function calendarDaysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((utcMs(b) - utcMs(a)) / MS_PER_DAY);
}
