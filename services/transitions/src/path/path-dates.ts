import { addBusinessDays, addCalendarDays, type IsoDate } from '@polku/timers';

// Due-date rules of the path, on @polku/timers' calendar (Finnish business days, ISO dates).

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
