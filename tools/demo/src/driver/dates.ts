import { addCalendarDays, addCalendarMonths, startOfFinnishDay, type IsoDate } from '@polku/timers';

/**
 * The planned last day of a period of `months` months from `start`, as activation-plans counts
 * it (docs/plans.md, "How a schedule is checked"): the day before the same day `months` later,
 * or the last day of that month when it has no such day.
 */
export function plannedEndOf(start: IsoDate, months: number): IsoDate {
  const sameDay = addCalendarMonths(start, months);
  return sameDay.slice(8) === start.slice(8) ? addCalendarDays(sameDay, -1) : sameDay;
}

/** The instant of a wall-clock time in Helsinki on a day (no clock change happens after 04:00). */
export function helsinkiTime(day: IsoDate, hours: number, minutes = 0): Date {
  return new Date(startOfFinnishDay(day).getTime() + (hours * 60 + minutes) * 60_000);
}
