import type { LayoutRow, RowRef } from './layout';

/** The key of a group's subtotal row (its `group` names the group). */
export const GROUP_TOTAL_KEY = 'TOTAL';

/** Cell-wise sum of count vectors of one width. */
export function sumCounts(vectors: readonly (readonly number[])[], width: number): number[] {
  const sums = new Array<number>(width).fill(0);
  for (const vector of vectors) {
    vector.forEach((value, i) => {
      sums[i] += value;
    });
  }
  return sums;
}

/**
 * Row keys in a stable order: the known ones in their given order (all of them when `allKnown`,
 * else those seen), then any others seen, alphabetically. A fact of a category the contracts do
 * not know yet is still counted, never dropped.
 */
export function orderedKeys(
  known: readonly string[],
  seen: Iterable<string>,
  allKnown: boolean,
): string[] {
  const present = new Set(seen);
  const first = allKnown ? known : known.filter((key) => present.has(key));
  const rest = [...present].filter((key) => !known.includes(key)).sort();
  return [...first, ...rest];
}

/** A row's counts and their clients: one per period, then over the whole range (its TOTAL). */
export interface Series {
  readonly counts: number[];
  readonly clients: number[];
}

/** The series of no facts. */
export function emptySeries(width: number): Series {
  return { counts: new Array<number>(width).fill(0), clients: new Array<number>(width).fill(0) };
}

/**
 * Counts and clients per row from (row, period, n, clients) records, a record of a null period
 * being the row's TOTAL: counted over the range, not added, since a client's path in two
 * periods is one client of the TOTAL.
 */
export function seriesByKey<R extends { readonly n: number; readonly clients: number }>(
  periods: readonly string[],
  records: readonly R[],
  keyOf: (record: R) => string,
  periodOf: (record: R) => string | null,
): Map<string, Series> {
  const column = new Map(periods.map((period, i) => [period, i]));
  const rows = new Map<string, Series>();
  for (const record of records) {
    const period = periodOf(record);
    const at = period === null ? periods.length : column.get(period);
    if (at === undefined) {
      throw new Error(`a fact outside the periods counted: ${period}`);
    }
    const key = keyOf(record);
    const series = rows.get(key) ?? emptySeries(periods.length + 1);
    series.counts[at] += record.n;
    series.clients[at] += record.clients;
    rows.set(key, series);
  }
  return rows;
}

/** A group of rows with its subtotal row appended. */
export interface GroupedRows {
  readonly group: string;
  readonly rows: readonly Omit<LayoutRow, 'group'>[];
  /**
   * The subtotal's own figures: its clients, counted (a client may be in two rows of a group),
   * its medians; its counts, when the group's whole is not the sum of its rows.
   */
  readonly subtotal: Pick<LayoutRow, 'clients'> &
    Partial<Pick<LayoutRow, 'counts' | 'medianDays' | 'p90Days' | 'shareOf'>>;
}

/**
 * Rows in groups, each followed by its subtotal row (key TOTAL), with the sums that bind them
 * and the subtotals' positions; a member's SHARE is of its group's subtotal unless it has one.
 */
export function withGroupTotals(
  groups: readonly GroupedRows[],
  width: number,
): { rows: LayoutRow[]; subtotals: number[]; sums: { total: RowRef; members: RowRef[] }[] } {
  const rows: LayoutRow[] = [];
  const subtotals: number[] = [];
  const sums: { total: RowRef; members: RowRef[] }[] = [];
  for (const { group, rows: members, subtotal } of groups) {
    const first = rows.length;
    const at = first + members.length;
    members.forEach((row) => rows.push({ shareOf: at, ...row, group }));
    rows.push({
      key: GROUP_TOTAL_KEY,
      group,
      counts: sumCounts(
        members.map((row) => row.counts),
        width,
      ),
      ...subtotal,
    });
    subtotals.push(at);
    sums.push({ total: at, members: members.map((_, i) => first + i) });
  }
  return { rows, subtotals, sums };
}
