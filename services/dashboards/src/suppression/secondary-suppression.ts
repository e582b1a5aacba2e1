import { SMALL_CELL_THRESHOLD, type DashboardSuppression } from '@polku/contracts';

/**
 * The suppression of a view's counts (docs/dashboards.md, "Suppression"), on plain arrays so
 * that one pure function decides it for the API and the CSV alike.
 *
 * `counts` are the view's count cells, each with the clients (distinct paths) its facts are of:
 * a cell of 1–4 clients is small whatever the number of facts, since six escalations of two
 * clients tell about two people. Each constraint lists the cells of one additive relation
 * (a row's periods and its total, a column's rows and its total row, a group's rows and its
 * subtotal), the total among them. A cell that is the only hidden member of a relation could be
 * recovered by subtraction, so another member is hidden with it.
 */
export function suppressCounts(
  cells: readonly { readonly count: number; readonly clients: number }[],
  constraints: readonly (readonly number[])[],
): (DashboardSuppression | undefined)[] {
  const marks: (DashboardSuppression | undefined)[] = cells.map(({ clients }) =>
    clients >= 1 && clients < SMALL_CELL_THRESHOLD ? 'SMALL_CELL' : undefined,
  );
  // The sums are of facts, so a partner is chosen by its count (what subtraction would recover).
  const counts = cells.map(({ count }) => count);
  // A member listed twice is one cell; a relation of one cell reveals nothing by subtraction.
  const relations = constraints.map((members) => [...new Set(members)]).filter((m) => m.length > 1);
  // Passes in a fixed order until one changes nothing: the same table always hides the same cells.
  let changed = true;
  while (changed) {
    changed = false;
    for (const members of relations) {
      const hidden = members.filter((cell) => marks[cell] !== undefined);
      if (hidden.length !== 1) {
        continue;
      }
      const partner = partnerOf(counts, marks, members);
      if (partner !== undefined) {
        marks[partner] = 'SECONDARY';
        changed = true;
      }
    }
  }
  return marks;
}

/**
 * The member hidden next to a relation's one hidden cell: the smallest shown non-zero count
 * (the least information lost), the first such cell on a tie. Zeros are shown (docs) and taken
 * only when nothing else is left, which consistent totals never need: the hidden cell is
 * non-zero, so some other member of its sum is too.
 */
function partnerOf(
  counts: readonly number[],
  marks: readonly (DashboardSuppression | undefined)[],
  members: readonly number[],
): number | undefined {
  const shown = members.filter((cell) => marks[cell] === undefined);
  const nonZero = shown.filter((cell) => counts[cell] !== 0);
  const pool = nonZero.length > 0 ? nonZero : shown;
  let best: number | undefined;
  for (const cell of pool) {
    if (
      best === undefined ||
      counts[cell] < counts[best] ||
      (counts[cell] === counts[best] && cell < best)
    ) {
      best = cell;
    }
  }
  return best;
}
