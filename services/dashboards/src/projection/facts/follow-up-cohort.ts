import type { IsoDate } from '@polku/timers';
import type { Exit, FollowUp, PathHistory } from '../fold/path-history';
import { daysFrom } from './path-orgs';

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * The exit a follow-up follows: the latest exit at or before its schedule (transitions
 * schedules the follow-ups of an exit when it records it), or when its schedule has not
 * arrived, the latest exit on or before its due date.
 */
export function exitOfFollowUp(history: PathHistory, followUp: FollowUp): Exit | undefined {
  const scheduled = followUp.scheduled;
  if (scheduled !== undefined) {
    const at = Date.parse(scheduled.at);
    const before = history.exits.filter((exit) => Date.parse(exit.at) <= at);
    if (before.length > 0) {
      return before.at(-1);
    }
  }
  const dueDate = followUp.dueDate;
  return dueDate === undefined
    ? undefined
    : history.exits.filter((exit) => exit.exitDate <= dueDate).at(-1);
}

/**
 * The months from the exit to a follow-up's due date, rounded: 1, 3, 6, 12 for the default
 * schedule, whatever the length of the months and a due date moved to a business day.
 */
export function monthsAfterExit(exitDate: IsoDate, dueDate: IsoDate): number {
  return Math.round(daysFrom(exitDate, dueDate) / DAYS_PER_MONTH);
}

/**
 * Where a completed follow-up places the client, as a destination category: the exit's when
 * they are where they went, the new one when it changed, BACK_IN_VTM or UNKNOWN.
 */
export function placementCategory(exit: Exit, followUp: FollowUp): string | undefined {
  const completed = followUp.completed;
  if (completed === undefined) {
    return undefined;
  }
  switch (completed.statusNow) {
    case 'SAME':
      return exit.category;
    case 'CHANGED':
      return completed.category ?? 'UNKNOWN';
    default:
      return completed.statusNow;
  }
}
