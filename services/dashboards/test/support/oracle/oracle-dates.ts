// The oracle's own calendar arithmetic, on purpose not libs/timers': a figure the service and the
// oracle agree on must not agree only because they share a helper.

const helsinki = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Helsinki calendar day (YYYY-MM-DD) of a UTC timestamp. */
export function helsinkiDay(timestamp: string): string {
  return helsinki.format(new Date(timestamp));
}

function utcDays(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / 86_400_000;
}

/** Whole calendar days from `from` to `to`. */
export function daysFrom(from: string, to: string): number {
  return utcDays(to) - utcDays(from);
}

/** The first day of the period (ISO week from Monday, month, quarter) that holds `day`. */
export function periodStart(day: string, period: 'WEEK' | 'MONTH' | 'QUARTER'): string {
  const [year, month] = day.split('-').map(Number);
  if (period === 'MONTH') {
    return `${year}-${String(month).padStart(2, '0')}-01`;
  }
  if (period === 'QUARTER') {
    return `${year}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
  }
  const days = utcDays(day);
  // 1970-01-01 was a Thursday: Monday is three days before it.
  const monday = days - ((((days + 3) % 7) + 7) % 7);
  return new Date(monday * 86_400_000).toISOString().slice(0, 10);
}

/** Calendar months from `from` to `to`, rounded to the nearest whole month. */
export function roundedMonths(from: string, to: string): number {
  return Math.round(daysFrom(from, to) / (365.25 / 12));
}

/** The same day `months` calendar months later (earlier when negative), or the month's last day. */
export function monthsAfter(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const last = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(date, last)))
    .toISOString()
    .slice(0, 10);
}

/** The day `days` calendar days after `day` (before it when negative). */
export function daysAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
