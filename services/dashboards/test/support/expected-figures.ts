import type { DashboardCell, DashboardPeriod, DashboardTable } from '@polku/contracts';
import { SMALL_CELL_THRESHOLD } from '@polku/contracts';
import { periodStart } from '../../src/filters/periods';
import type { Fact } from './facts';

/** Where a fact is counted in a view: its row's group (if any) and key. */
export type RowOfFact = (fact: Fact) => { readonly group?: string; readonly key: string };

/** percentile_disc as PostgreSQL computes it: the first value whose cumulative share reaches p. */
export function percentileDisc(values: readonly number[], p: number): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/**
 * The facts a count cell of a view stands for, found by the table's own labels: a row by group
 * and key (`TOTAL` a group's whole; the total row all), a PERIOD column by its first day.
 */
export function factsOfCell(
  table: DashboardTable,
  counted: readonly Fact[],
  rowOf: RowOfFact,
  row: { readonly group?: string; readonly key: string } | 'total',
  column: number,
  period: DashboardPeriod,
): Fact[] {
  const columnOf = table.columns[column];
  return counted.filter((one) => {
    const place = rowOf(one);
    const inRow =
      row === 'total' ||
      (row.key === 'TOTAL'
        ? place.group === row.group
        : place.group === row.group && place.key === row.key);
    const inColumn =
      columnOf.kind !== 'PERIOD' || periodStart(period, one.factDate) === columnOf.key;
    return inRow && inColumn;
  });
}

/**
 * A count cell against the facts it stands for: the count of facts itself when shown, hidden
 * as small exactly when the facts are of 1–4 clients (distinct paths, however many facts each
 * has: docs/dashboards.md, "Suppression"), and never a number when hidden.
 */
export function problemOfCount(cell: DashboardCell, facts: readonly Fact[]): string | undefined {
  const expected = facts.length;
  const clients = new Set(facts.map((one) => one.pathId)).size;
  const small = clients > 0 && clients < SMALL_CELL_THRESHOLD;
  if (cell.suppressed === undefined) {
    if (cell.value !== expected) {
      return `shows ${cell.display}, counted ${expected}`;
    }
    if (small) {
      return `shows ${expected} facts of ${clients} clients`;
    }
    return undefined;
  }
  if (cell.value !== null) {
    return `hidden but has the value ${cell.value}`;
  }
  if (cell.suppressed === 'SMALL_CELL' && !small) {
    return `shown as small, counted ${expected} facts of ${clients} clients`;
  }
  if (cell.suppressed === 'SECONDARY' && small) {
    return `hidden as secondary, but ${clients} clients are a small cell`;
  }
  return undefined;
}
