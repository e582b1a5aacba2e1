import { dayNumber, fromDayNumber, isoDate, isoWeekday, type IsoDate } from './iso-date';

/** A named day of the Finnish calendar. */
export interface FinnishHoliday {
  readonly date: IsoDate;
  readonly name: string;
  /** The Finnish name, as in the almanac. */
  readonly nameFi: string;
  /**
   * True for the public holidays of Finnish law; false for Midsummer Eve and Christmas Eve,
   * which are not public holidays but are non-working days in practice (and in the Annual
   * Holidays Act 162/2005).
   */
  readonly official: boolean;
}

/** Easter Sunday by the Gregorian computus (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The first date on or after `from` with the given ISO weekday (1 = Monday … 7 = Sunday). */
function weekdayOnOrAfter(from: IsoDate, weekday: number): IsoDate {
  const shift = (weekday - isoWeekday(from) + 7) % 7;
  return fromDayNumber(dayNumber(from) + shift);
}

const SATURDAY = 6;
const SUNDAY = 7;

function holidaysOf(year: number): readonly FinnishHoliday[] {
  if (!Number.isInteger(year) || year < 1991 || year > 9999) {
    // The present rules (Epiphany and Ascension back on their own days) hold since 1991.
    throw new RangeError(`the Finnish holiday rules are implemented for 1991–9999, not ${year}`);
  }
  const easter = dayNumber(easterSunday(year));
  const fromEaster = (days: number) => fromDayNumber(easter + days);
  const midsummerDay = weekdayOnOrAfter(isoDate(year, 6, 20), SATURDAY);
  const holiday = (date: IsoDate, name: string, nameFi: string, official = true) => ({
    date,
    name,
    nameFi,
    official,
  });
  return [
    holiday(isoDate(year, 1, 1), "New Year's Day", 'Uudenvuodenpäivä'),
    holiday(isoDate(year, 1, 6), 'Epiphany', 'Loppiainen'),
    holiday(fromEaster(-2), 'Good Friday', 'Pitkäperjantai'),
    holiday(fromEaster(0), 'Easter Sunday', 'Pääsiäispäivä'),
    holiday(fromEaster(1), 'Easter Monday', '2. pääsiäispäivä'),
    holiday(isoDate(year, 5, 1), 'May Day', 'Vappu'),
    holiday(fromEaster(39), 'Ascension Day', 'Helatorstai'),
    holiday(fromEaster(49), 'Whit Sunday', 'Helluntaipäivä'),
    holiday(fromDayNumber(dayNumber(midsummerDay) - 1), 'Midsummer Eve', 'Juhannusaatto', false),
    holiday(midsummerDay, 'Midsummer Day', 'Juhannuspäivä'),
    holiday(weekdayOnOrAfter(isoDate(year, 10, 31), SATURDAY), "All Saints' Day", 'Pyhäinpäivä'),
    holiday(isoDate(year, 12, 6), 'Independence Day', 'Itsenäisyyspäivä'),
    holiday(isoDate(year, 12, 24), 'Christmas Eve', 'Jouluaatto', false),
    holiday(isoDate(year, 12, 25), 'Christmas Day', 'Joulupäivä'),
    holiday(isoDate(year, 12, 26), 'Boxing Day', 'Tapaninpäivä'),
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

// Business-day arithmetic asks about the same few years over and over.
const holidayCache = new Map<number, readonly FinnishHoliday[]>();
const nonWorkingCache = new Map<number, ReadonlyMap<IsoDate, FinnishHoliday>>();

function holidaysCached(year: number): readonly FinnishHoliday[] {
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = holidaysOf(year);
    holidayCache.set(year, holidays);
  }
  return holidays;
}

function namedDayOn(date: IsoDate): FinnishHoliday | undefined {
  const year = Number(date.slice(0, 4));
  let byDate = nonWorkingCache.get(year);
  if (!byDate) {
    byDate = new Map(holidaysCached(year).map((holiday) => [holiday.date, holiday]));
    nonWorkingCache.set(year, byDate);
  }
  return byDate.get(date);
}

/** The 13 public holidays of `year`, in date order. */
export function finnishPublicHolidays(year: number): FinnishHoliday[] {
  return holidaysCached(year).filter((holiday) => holiday.official);
}

/**
 * Every named non-working day of `year` in date order: the public holidays plus Midsummer Eve
 * and Christmas Eve (`official: false`). Weekends are not listed.
 */
export function finnishNonWorkingDays(year: number): FinnishHoliday[] {
  return [...holidaysCached(year)];
}

/** True when `date` is one of the 13 public holidays (not for Midsummer Eve or Christmas Eve). */
export function isFinnishPublicHoliday(date: IsoDate): boolean {
  dayNumber(date);
  return namedDayOn(date)?.official === true;
}

/**
 * True for a Monday–Friday that is neither a public holiday nor Midsummer Eve or Christmas Eve.
 */
export function isBusinessDay(date: IsoDate): boolean {
  const weekday = isoWeekday(date);
  if (weekday === SATURDAY || weekday === SUNDAY) {
    return false;
  }
  return namedDayOn(date) === undefined;
}

/**
 * The n-th business day after `date` (n > 0), or before it (n < 0); `date` itself when n is 0.
 * `date` need not be a business day: the count starts from the next (or previous) day.
 */
export function addBusinessDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) {
    throw new RangeError(`business days must be a whole number, not ${n}`);
  }
  let day = dayNumber(date);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isBusinessDay(fromDayNumber(day))) {
      left -= 1;
    }
  }
  return fromDayNumber(day);
}

/**
 * Business days from `a` to `b`: for b ≥ a, how many business days d have a < d ≤ b; for b < a,
 * minus the number with b ≤ d < a. So `businessDaysBetween(a, addBusinessDays(a, n)) === n`.
 */
export function businessDaysBetween(a: IsoDate, b: IsoDate): number {
  const from = dayNumber(a);
  const to = dayNumber(b);
  // 0 - x, not -x: no -0 for a backwards span without business days.
  return to >= from ? countBusinessDays(from + 1, to) : 0 - countBusinessDays(to, from - 1);
}

/** Business days among the day numbers first..last, both included. */
function countBusinessDays(first: number, last: number): number {
  let count = 0;
  for (let day = first; day <= last; day += 1) {
    if (isBusinessDay(fromDayNumber(day))) {
      count += 1;
    }
  }
  return count;
}
