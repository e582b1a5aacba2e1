// Calendar dates are ISO strings (YYYY-MM-DD) and all arithmetic runs on whole day numbers
// through Date.UTC, so the result never depends on the process's TZ: a local-time Date would
// shift a Finnish date by a day whenever the host is not on Helsinki time.

/** A calendar date in Finland, `YYYY-MM-DD`. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An `IsoDate` that does not name a real calendar day. */
export class InvalidIsoDateError extends Error {
  constructor(readonly value: string) {
    super(`not a calendar date in YYYY-MM-DD form: ${JSON.stringify(value)}`);
    this.name = 'InvalidIsoDateError';
  }
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`; throws InvalidIsoDateError otherwise. */
export function dayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) {
    throw new InvalidIsoDateError(date);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2025-02-30 over into March: a round trip catches it.
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day
  ) {
    throw new InvalidIsoDateError(date);
  }
  return ms / MS_PER_DAY;
}

/** The `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function fromDayNumber(days: number): IsoDate {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `n` calendar days after `date` (before it when n is negative). */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  const dow = (((dayNumber(date) + 3) % 7) + 7) % 7;
  return dow + 1;
}

/** `YYYY-MM-DD` from numeric parts (month 1–12). */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

const HELSINKI_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function helsinkiWallClockMs(instant: Date): number {
  const parts = Object.fromEntries(
    HELSINKI_PARTS.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** The calendar date in Finland (Europe/Helsinki) at an instant. */
export function finnishDateOf(instant: Date): IsoDate {
  return fromDayNumber(Math.floor(helsinkiWallClockMs(instant) / MS_PER_DAY));
}

/**
 * The instant a Finnish calendar day begins (00:00 Europe/Helsinki). Finland changes clocks at
 * 03:00/04:00, never at midnight, so every day has exactly one midnight.
 */
export function startOfFinnishDay(date: IsoDate): Date {
  const wallMidnight = dayNumber(date) * MS_PER_DAY;
  // Offset is +2 h or +3 h: guess +2 h, then correct with the offset at the guess.
  let instant = wallMidnight - 2 * 3_600_000;
  for (let i = 0; i < 2; i += 1) {
    const offset = helsinkiWallClockMs(new Date(instant)) - instant;
    instant = wallMidnight - offset;
  }
  return new Date(instant);
}
