import type { DashboardColumn } from '@polku/contracts';
import type { CellRef, RawCell, RawRow, RawTable } from '../suppression/raw-table';

/** A row of a view, or its total row. */
export type RowRef = number | 'total';

/** Figures a view may show beside its counts. */
export type Extra = 'MEDIAN_DAYS' | 'P90_DAYS' | 'SHARE';

/** A row as a view counts it, before the table is laid out. */
export interface LayoutRow {
  readonly key: string;
  readonly group?: string;
  readonly from?: string;
  readonly to?: string;
  /** One count per period, then the row's TOTAL (only the TOTAL for a view without periods). */
  readonly counts: readonly number[];
  /**
   * The clients (distinct paths) of each count, what primary suppression looks at: a client may
   * have several facts in a cell, and be in several cells of a sum (docs/dashboards.md).
   */
  readonly clients: readonly number[];
  readonly medianDays?: number | null;
  readonly p90Days?: number | null;
  /** The row whose TOTAL this row's SHARE is a share of; no SHARE without one. */
  readonly shareOf?: RowRef;
}

/**
 * A view's counts and how they add up: a row's periods to its TOTAL (when it has periods), and
 * in every count column the `members` of each sum to its `total` row.
 */
export interface Layout {
  readonly periods: readonly string[];
  readonly extras: readonly Extra[];
  readonly rows: readonly LayoutRow[];
  readonly total?: LayoutRow;
  readonly sums: readonly { readonly total: RowRef; readonly members: readonly RowRef[] }[];
}

const EXTRA_COLUMNS: Readonly<Record<Extra, DashboardColumn>> = {
  MEDIAN_DAYS: { key: 'medianDays', kind: 'MEDIAN_DAYS' },
  P90_DAYS: { key: 'p90Days', kind: 'P90_DAYS' },
  SHARE: { key: 'share', kind: 'SHARE' },
};

/** A share in per cent with one decimal; none of nothing. */
export function shareOf(count: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((1000 * count) / whole) / 10;
}

/** The figures of a layout as a table with its constraints, ready for suppression. */
export function rawTableOf(layout: Layout): RawTable {
  const totalColumn = layout.periods.length;
  const countColumns = totalColumn + 1;
  const rowOf = (ref: RowRef) => (ref === 'total' ? layout.total! : layout.rows[ref]);
  const cellsOf = (row: LayoutRow, ref: RowRef): RawCell[] => {
    if (row.counts.length !== countColumns || row.clients.length !== countColumns) {
      throw new Error(`row ${row.key} has ${row.counts.length} counts, not ${countColumns}`);
    }
    const own: CellRef = { row: ref, column: totalColumn };
    return [
      ...row.counts.map((count, column) => ({ count, clients: row.clients[column] })),
      ...layout.extras.map((extra): RawCell => {
        switch (extra) {
          case 'MEDIAN_DAYS':
            return { derived: row.medianDays ?? null, follows: [own], format: 'DAYS' };
          case 'P90_DAYS':
            return { derived: row.p90Days ?? null, follows: [own], format: 'DAYS' };
          case 'SHARE': {
            if (row.shareOf === undefined) {
              return { derived: null, follows: [own], format: 'SHARE' };
            }
            const whole = rowOf(row.shareOf).counts[totalColumn];
            return {
              derived: shareOf(row.counts[totalColumn], whole),
              follows: [own, { row: row.shareOf, column: totalColumn }],
              format: 'SHARE',
            };
          }
        }
      }),
    ];
  };
  const refs: RowRef[] = [...layout.rows.keys(), ...(layout.total ? ['total' as const] : [])];
  const cells = (ref: RowRef, columns: number[]) => columns.map((column) => ({ row: ref, column }));
  const allCounts = [...Array(countColumns).keys()];
  const constraints: CellRef[][] = [
    ...(layout.periods.length > 0 ? refs.map((ref) => cells(ref, allCounts)) : []),
    ...layout.sums.flatMap(({ total, members }) =>
      allCounts.map((column) => [...members, total].map((row) => ({ row, column }))),
    ),
  ];
  const rawRow = (row: LayoutRow, ref: RowRef): RawRow => ({
    key: row.key,
    ...(row.group === undefined ? {} : { group: row.group }),
    ...(row.from === undefined ? {} : { from: row.from }),
    ...(row.to === undefined ? {} : { to: row.to }),
    cells: cellsOf(row, ref),
  });
  return {
    columns: [
      ...layout.periods.map((key) => ({ key, kind: 'PERIOD' as const })),
      { key: 'total', kind: 'TOTAL' },
      ...layout.extras.map((extra) => EXTRA_COLUMNS[extra]),
    ],
    rows: layout.rows.map((row, r) => rawRow(row, r)),
    ...(layout.total === undefined ? {} : { total: rawRow(layout.total, 'total') }),
    constraints,
  };
}
