import { addBusinessDays, addCalendarDays, InvalidIsoDateError, type IsoDate } from '@polku/timers';

// The two pieces of date arithmetic @polku/timers does not have yet: whole calendar months (for
// follow-ups) and a count of calendar days (for the length of a pause). Both work on the ISO
// strings through Date.UTC, like the library, so the host's time zone never matters. The same
// month rule lives in activation-plans (calendar-months.ts); it belongs in @polku/timers.

const MS_PER_DAY = 86_400_000;

function utcMs(date: IsoDate): number {
  // addCalendarDays validates: it throws InvalidIsoDateError for anything but a real day.
  addCalendarDays(date, 0);
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

/** Whether `value` is a real calendar day in `YYYY-MM-DD` form. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    utcMs(value);
    return true;
  } catch (error) {
    if (error instanceof InvalidIsoDateError) {
      return false;
    }
    throw error;
  }
}

/** The same day `n` months later, or the month's last day when it is shorter (01-31 → 02-28). */
export function addCalendarMonths(date: IsoDate, n: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  utcMs(date);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const ms = Date.UTC(targetYear, targetMonth, Math.min(day, lastDay));
  return new Date(ms).toISOString().slice(0, 10);
}

/** Calendar days from `a` to `b` (negative when b is earlier). */
export function calendarDaysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((utcMs(b) - utcMs(a)) / MS_PER_DAY);
}

/**
 * The first day something due on `dueDate` is late, after `businessDays` of grace: a step due on
 * a Friday with no grace is late from the start of Saturday.
 */
export function lateFrom(dueDate: IsoDate, businessDays = 0): IsoDate {
  return addCalendarDays(addBusinessDays(dueDate, businessDays), 1);
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
