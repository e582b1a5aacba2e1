import type { DashboardColumn } from '@polku/contracts';

/** A cell of a view before suppression: a row of its table, or its total row. */
export interface CellRef {
  readonly row: number | 'total';
  readonly column: number;
}

/**
 * A count of clients' facts and how many clients (distinct paths) they are of: shown, or hidden
 * as a small cell (by its clients, docs/dashboards.md "Suppression") or to protect one.
 */
export interface RawCount {
  readonly count: number;
  readonly clients: number;
}

/**
 * A figure computed from counts (a median, a 90th percentile, a share): hidden whenever one of
 * the counts it `follows` is hidden, since it would tell something of them (a share and its
 * count give away the total it is a share of). `null` is a figure of no clients.
 */
export interface RawDerived {
  readonly derived: number | null;
  readonly follows: readonly CellRef[];
  readonly format: 'DAYS' | 'SHARE';
}

export type RawCell = RawCount | RawDerived;

/** A row before suppression, shaped like DashboardRow. */
export interface RawRow {
  readonly key: string;
  readonly group?: string;
  readonly from?: string;
  readonly to?: string;
  readonly cells: readonly RawCell[];
}

/**
 * A view's figures before suppression, with the additive relations between its counts: each
 * constraint lists the cells of one sum, its total among them.
 */
export interface RawTable {
  readonly columns: readonly DashboardColumn[];
  readonly rows: readonly RawRow[];
  readonly total?: RawRow;
  readonly constraints: readonly (readonly CellRef[])[];
}

export function isCount(cell: RawCell): cell is RawCount {
  return 'count' in cell;
}
