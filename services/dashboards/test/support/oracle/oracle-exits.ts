import { daysFrom, monthsAfter, roundedMonths } from './oracle-dates';
import type { BareFact } from './oracle-fact';
import { firstOf, ofType, type OraclePath } from './oracle-path';

/** EXIT: one per ClientExited, on its exit date, the destination's category and group. */
export function exitFacts(path: OraclePath): BareFact[] {
  const referral = firstOf(path, 'ClientReferred');
  return ofType(path, 'ClientExited').map((exit) => ({
    kind: 'EXIT',
    date: exit.data.exitDate,
    org: exit.org,
    category: exit.data.destination.category,
    detail: exit.data.destination.group,
    ...(referral === undefined ? {} : { days: daysFrom(referral.day, exit.data.exitDate) }),
  }));
}

/** A scheduled follow-up and what became of it. */
export interface FollowUpOutcome {
  readonly followUpId: string;
  readonly dueDate: string;
  readonly owner: string;
  readonly exitDate?: string;
  readonly exitCategory?: string;
  readonly exitGroup?: string;
  /** The latest completion, if any. */
  readonly completion?: { readonly day: string; readonly data: Record<string, unknown> };
  readonly missed: boolean;
}

/** Every follow-up the path scheduled, with its completion or miss. */
export function followUpOutcomes(path: OraclePath): FollowUpOutcome[] {
  // Each follow-up once, from the first schedule that names it.
  const seen = new Set<string>();
  return ofType(path, 'FollowUpScheduled').flatMap((scheduled) =>
    (scheduled.data.followUps as { followUpId: string; dueDate: string }[])
      .filter((followUp) => !seen.has(followUp.followUpId) && seen.add(followUp.followUpId))
      .map((followUp) => {
        // Its exit: the latest at or before the schedule.
        const exit = ofType(path, 'ClientExited')
          .filter((event) => event.at <= scheduled.at)
          .at(-1);
        const completions = ofType(path, 'FollowUpCompleted').filter(
          (event) => event.data.followUpId === followUp.followUpId,
        );
        const completion = completions.at(-1);
        // Its owner: the latest named (the follow-ups move when a provider's funding ends).
        const owner = [scheduled, ...ofType(path, 'FollowUpDue'), ...ofType(path, 'FollowUpMissed')]
          .filter((event) => event === scheduled || event.data.followUpId === followUp.followUpId)
          .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
          .at(-1)!.data.ownerOrgId as string;
        return {
          followUpId: followUp.followUpId,
          dueDate: followUp.dueDate,
          owner,
          exitDate: exit?.data.exitDate,
          exitCategory: exit?.data.destination.category,
          exitGroup: exit?.data.destination.group,
          ...(completion === undefined
            ? {}
            : { completion: { day: completion.day, data: completion.data } }),
          missed: ofType(path, 'FollowUpMissed').some(
            (event) => event.data.followUpId === followUp.followUpId,
          ),
        };
      }),
  );
}

/** FOLLOW_UP: one per scheduled follow-up, on its due date: DONE, MISSED or OPEN. */
export function followUpFacts(path: OraclePath): BareFact[] {
  return followUpOutcomes(path).map((followUp) => ({
    kind: 'FOLLOW_UP',
    date: followUp.dueDate,
    org: followUp.owner,
    category: followUp.completion !== undefined ? 'DONE' : followUp.missed ? 'MISSED' : 'OPEN',
    ...(followUp.completion === undefined
      ? {}
      : { days: daysFrom(followUp.dueDate, followUp.completion.day) }),
  }));
}

/** Where a completed follow-up places the client: a category, BACK_IN_VTM or UNKNOWN. */
export function placedIn(followUp: FollowUpOutcome): string | undefined {
  const data = followUp.completion?.data;
  if (data === undefined) {
    return followUp.missed ? 'MISSED' : undefined;
  }
  switch (data.statusNow) {
    case 'SAME':
      return followUp.exitCategory;
    case 'CHANGED':
      return (data.destination as { category: string }).category;
    default:
      return String(data.statusNow);
  }
}

/**
 * FOLLOW_UP_STATUS: one per follow-up completed or missed, counted on the exit date, by the
 * months after the exit it was due (rounded).
 */
export function followUpStatusFacts(path: OraclePath): BareFact[] {
  return followUpOutcomes(path).flatMap((followUp) => {
    const category = placedIn(followUp);
    if (category === undefined || followUp.exitDate === undefined) {
      return [];
    }
    return [
      {
        kind: 'FOLLOW_UP_STATUS',
        date: followUp.exitDate,
        org: followUp.owner,
        category,
        detail: String(roundedMonths(followUp.exitDate, followUp.dueDate)),
      },
    ];
  });
}

/**
 * REENTRY: an exit the client came back from (a ClientReturnedToIntermediateMarket naming the
 * path in any path of the set), on the exit date, by how soon; LOOP: each return, by loop count.
 */
export function reentryFacts(path: OraclePath, all: ReadonlyMap<string, OraclePath>): BareFact[] {
  const exit = ofType(path, 'ClientExited').at(-1);
  const facts: BareFact[] = ofType(path, 'ClientReturnedToIntermediateMarket').map((back) => ({
    kind: 'LOOP',
    date: back.day,
    org: back.org,
    category: back.data.loopCount >= 3 ? '3+' : String(back.data.loopCount),
  }));
  if (exit === undefined) {
    return facts;
  }
  for (const other of all.values()) {
    for (const back of ofType(other, 'ClientReturnedToIntermediateMarket')) {
      if (back.data.previousPathId !== path.pathId) {
        continue;
      }
      const exitDate = exit.data.exitDate as string;
      facts.push({
        kind: 'REENTRY',
        date: exitDate,
        org: exit.org,
        category:
          back.day <= monthsAfter(exitDate, 6)
            ? 'WITHIN_6'
            : back.day <= monthsAfter(exitDate, 12)
              ? 'WITHIN_12'
              : 'LATER',
        days: daysFrom(exit.data.exitDate, back.day),
      });
    }
  }
  return facts;
}
