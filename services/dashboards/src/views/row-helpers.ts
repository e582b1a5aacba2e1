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

/**
 * Counts per row and period from (row, period, n) records: one count per period, then the
 * row's TOTAL, their sum (each fact is in exactly one period, so the sum counts the facts).
 */
export function countsByRow<R>(
  periods: readonly string[],
  records: readonly R[],
  rowOf: (record: R) => string,
  periodOf: (record: R) => string,
  countOf: (record: R) => number,
): Map<string, number[]> {
  const column = new Map(periods.map((period, i) => [period, i]));
  const rows = new Map<string, number[]>();
  for (const record of records) {
    const at = column.get(periodOf(record));
    if (at === undefined) {
      throw new Error(`a fact outside the periods counted: ${periodOf(record)}`);
    }
    const key = rowOf(record);
    const counts = rows.get(key) ?? new Array<number>(periods.length + 1).fill(0);
    counts[at] += countOf(record);
    counts[periods.length] += countOf(record);
    rows.set(key, counts);
  }
  return rows;
}

/** A group of rows with its subtotal row appended. */
export interface GroupedRows {
  readonly group: string;
  readonly rows: readonly Omit<LayoutRow, 'group'>[];
  /**
   * The subtotal's own figures (medians of the whole group); its counts, when the group's whole
   * is not the sum of its rows (distinct paths, where one path may be in two rows).
   */
  readonly subtotal?: Partial<Pick<LayoutRow, 'counts' | 'medianDays' | 'p90Days' | 'shareOf'>>;
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
