import type { DashboardFactRow } from './fact-row';

/** A fact of a path with what the views need to count its path once, cheaply. */
export interface MarkedFactRow extends DashboardFactRow {
  /** The path's only fact of this kind and category: its cell counts the path by it alone. */
  readonly soloInCategory: boolean;
  /** The path's only fact of this kind: a group's or a view's whole counts the path by it alone. */
  readonly soloInKind: boolean;
}

/**
 * Marks the facts that are their path's only fact in a category of their kind, and in their
 * kind (the facts may be of many paths). Small cells are judged by clients, the distinct paths of their facts
 * (docs/dashboards.md, "Suppression"); most facts are their path's only one of their cell, and
 * those a view counts as they come, leaving count(DISTINCT path_id) to the few that are not
 * (docs/adr/0019-dashboard-facts-per-path.md). A cell finer than a category (a detail, a
 * period) holds no more of the path's facts than its category does, so the mark holds there too.
 */
export function withClientMarks(facts: readonly DashboardFactRow[]): MarkedFactRow[] {
  const perCategory = new Map<string, number>();
  const perKind = new Map<string, number>();
  const kindOf = (fact: DashboardFactRow) => `${fact.pathId}\u0000${fact.kind}`;
  const categoryOf = (fact: DashboardFactRow) => `${kindOf(fact)}\u0000${fact.category}`;
  for (const fact of facts) {
    perCategory.set(categoryOf(fact), (perCategory.get(categoryOf(fact)) ?? 0) + 1);
    perKind.set(kindOf(fact), (perKind.get(kindOf(fact)) ?? 0) + 1);
  }
  return facts.map((fact) => ({
    ...fact,
    soloInCategory: perCategory.get(categoryOf(fact)) === 1,
    soloInKind: perKind.get(kindOf(fact)) === 1,
  }));
}
