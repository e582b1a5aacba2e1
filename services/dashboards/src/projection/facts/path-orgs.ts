import { POLKU_SYSTEM_ORG_ID } from '@polku/auth';
import { calendarDaysBetween, type IsoDate } from '@polku/timers';
import type { Occurrence, PathHistory } from '../fold/path-history';

/**
 * The organisation accountable for the path at an instant: that of the highest path version
 * set at or before it.
 */
export function accountableAt(history: PathHistory, at: string): string | undefined {
  let orgId: string | undefined;
  const instant = Date.parse(at);
  for (const step of history.steps) {
    if (Date.parse(step.at) <= instant && step.accountableOrgId !== undefined) {
      orgId = step.accountableOrgId;
    }
  }
  return orgId;
}

/** The organisation accountable for the path now, or when it was closed: the latest named. */
export function accountableNow(history: PathHistory): string | undefined {
  return history.steps.findLast((step) => step.accountableOrgId !== undefined)?.accountableOrgId;
}

/**
 * The organisation that did something: the emitter, or for an event of a system process (a
 * timer, a reaction of transitions) the organisation accountable for the path at the time.
 */
export function actingOrg(history: PathHistory, occurrence: Occurrence): string {
  if (occurrence.orgId !== POLKU_SYSTEM_ORG_ID) {
    return occurrence.orgId;
  }
  return accountableAt(history, occurrence.at) ?? accountableNow(history) ?? occurrence.orgId;
}

/** Whole calendar days from one day to another. */
export function daysFrom(from: IsoDate, to: IsoDate): number {
  return calendarDaysBetween(from, to);
}
