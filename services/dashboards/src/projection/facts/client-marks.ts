import type { IsoDate } from '@polku/timers';
import { countGroupOf, countRowOf } from './count-groups';
import type { DashboardFactRow } from './fact-row';

/** A fact of a path with what the views need to count its path once, cheaply. */
export interface MarkedFactRow extends DashboardFactRow {
  /** The path's only fact of this kind and category: its cell counts the path by it alone. */
  readonly soloInCategory: boolean;
  /** The path's only fact of this kind: a group's or a view's whole counts the path by it alone. */
  readonly soloInKind: boolean;
  /** The day of the path's previous fact in this fact's row (./count-groups.ts), or null. */
  readonly prevInRow: IsoDate | null;
  /** The day of the path's previous fact in this fact's group (./count-groups.ts), or null. */
  readonly prevInGroup: IsoDate | null;
  /** The day of the path's previous fact of this kind, or null. */
  readonly prevInKind: IsoDate | null;
}

/**
 * Marks each fact (the facts may be of many paths) in two ways, so that a view counts the
 * clients of a cell, the distinct paths of its facts (docs/dashboards.md, "Suppression"),
 * without sorting every fact by path:
 *
 * - solo: the fact is its path's only one in a category of its kind, or in its kind. Most facts
 *   are, and a view counts those as they come, leaving count(DISTINCT path_id) to the rest
 *   (docs/adr/0019-dashboard-facts-per-path.md). A cell finer than a category (a detail, a
 *   period) holds no more of the path's facts than its category does, so the mark holds there.
 * - previous: the day of the path's previous fact in the same row, group and kind, the facts of
 *   a path in (day, key) order. A path is a client of a row's facts from day a to day b exactly
 *   once, by its first fact there: the one whose previous fact is before a, or has none. So a
 *   view counts the clients of any period as a filtered count
 *   (docs/adr/0021-first-facts-count-clients.md). A second fact on the same day has that day as
 *   its previous one, whichever of the two comes first.
 */
export function withClientMarks(facts: readonly DashboardFactRow[]): MarkedFactRow[] {
  const perCategory = new Map<string, number>();
  const perKind = new Map<string, number>();
  const kindOf = (fact: DashboardFactRow) => `${fact.pathId}\u0000${fact.kind}`;
  const categoryOf = (fact: DashboardFactRow) => `${kindOf(fact)}\u0000${fact.category}`;
  const groupOf = (fact: DashboardFactRow) => `${kindOf(fact)}\u0000${countGroupOf(fact)}`;
  const rowOf = (fact: DashboardFactRow) => `${kindOf(fact)}\u0000${countRowOf(fact)}`;
  for (const fact of facts) {
    perCategory.set(categoryOf(fact), (perCategory.get(categoryOf(fact)) ?? 0) + 1);
    perKind.set(kindOf(fact), (perKind.get(kindOf(fact)) ?? 0) + 1);
  }
  const previous = previousDays(facts, [rowOf, groupOf, kindOf]);
  return facts.map((fact, at) => ({
    ...fact,
    soloInCategory: perCategory.get(categoryOf(fact)) === 1,
    soloInKind: perKind.get(kindOf(fact)) === 1,
    prevInRow: previous[0][at],
    prevInGroup: previous[1][at],
    prevInKind: previous[2][at],
  }));
}

/**
 * For each level (a fact's key at it), the day of the previous fact of the same key for every
 * fact, in the facts' order, where facts are ordered by day and then by fact key (code-unit
 * order, as COLLATE "C" orders them in SQL).
 */
function previousDays(
  facts: readonly DashboardFactRow[],
  levels: readonly ((fact: DashboardFactRow) => string)[],
): (IsoDate | null)[][] {
  const order = facts
    .map((_, at) => at)
    .sort(
      (a, b) =>
        compare(facts[a].factDate, facts[b].factDate) ||
        compare(facts[a].factKey, facts[b].factKey),
    );
  return levels.map((keyOf) => {
    const last = new Map<string, IsoDate>();
    const days = new Array<IsoDate | null>(facts.length).fill(null);
    for (const at of order) {
      const key = keyOf(facts[at]);
      days[at] = last.get(key) ?? null;
      last.set(key, facts[at].factDate);
    }
    return days;
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
