import { addCalendarMonths } from '@polku/timers';
import type { PathHistory } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { actingOrg, daysFrom } from './path-orgs';

/**
 * REENTRY: one per path the client came back from (a return names it as the previous path),
 * on the path's latest exit date, of the organisation that recorded the exit: WITHIN_6 when the
 * return came at most 6 calendar months after the exit, WITHIN_12 at most 12, else LATER, with
 * the days from exit to return.
 */
export function reentryFacts(history: PathHistory): FactDraft[] {
  const exit = history.exits.at(-1);
  const reentry = history.reentries[0];
  if (exit === undefined || reentry === undefined) {
    return [];
  }
  const returned = reentry.day;
  const category =
    returned <= addCalendarMonths(exit.exitDate, 6)
      ? 'WITHIN_6'
      : returned <= addCalendarMonths(exit.exitDate, 12)
        ? 'WITHIN_12'
        : 'LATER';
  return [
    {
      key: 'REENTRY',
      kind: 'REENTRY',
      factDate: exit.exitDate,
      orgId: actingOrg(history, exit),
      category,
      days: daysFrom(exit.exitDate, returned),
    },
  ];
}

/**
 * LOOP: one per return to the intermediate labour market that opened this path, on the day of
 * the return, by how many times the client has returned ('1', '2', '3+').
 */
export function loopFacts(history: PathHistory): FactDraft[] {
  return history.returns.map((loop) => ({
    key: `LOOP:${loop.eventId}`,
    kind: 'LOOP',
    factDate: loop.day,
    orgId: actingOrg(history, loop),
    category: loop.loopCount >= 3 ? '3+' : String(loop.loopCount),
  }));
}
