import {
  SECONDARY_SUPPRESSION_DISPLAY,
  SMALL_CELL_DISPLAY,
  type DashboardCell,
  type DashboardColumn,
  type DashboardRow,
  type DashboardSuppression,
} from '@polku/contracts';
import { isCount, type CellRef, type RawCell, type RawRow, type RawTable } from './raw-table';
import { suppressCounts } from './secondary-suppression';

/** A view's figures as they may leave the service: every small or recoverable count hidden. */
export interface SuppressedTable {
  readonly columns: readonly DashboardColumn[];
  readonly rows: readonly DashboardRow[];
  readonly total?: DashboardRow;
}

const DISPLAY_OF: Readonly<Record<DashboardSuppression, string>> = {
  SMALL_CELL: SMALL_CELL_DISPLAY,
  SECONDARY: SECONDARY_SUPPRESSION_DISPLAY,
};

const refKey = ({ row, column }: CellRef) => `${row}:${column}`;

/**
 * Applies primary and secondary suppression to a view (docs/dashboards.md, "Suppression"):
 * counts first, over the view's constraints, then each derived figure hidden with the counts
 * it follows, showing why.
 */
export function suppressTable(table: RawTable): SuppressedTable {
  const index = new Map<string, number>();
  const counts: { count: number; clients: number }[] = [];
  const visit = (row: RawRow, rowRef: number | 'total') =>
    row.cells.forEach((cell, column) => {
      if (isCount(cell)) {
        index.set(refKey({ row: rowRef, column }), counts.length);
        counts.push({ count: cell.count, clients: cell.clients });
      }
    });
  table.rows.forEach((row, r) => visit(row, r));
  if (table.total !== undefined) {
    visit(table.total, 'total');
  }
  const cellOf = (ref: CellRef): number => {
    const at = index.get(refKey(ref));
    if (at === undefined) {
      throw new Error(`no count cell at row ${ref.row}, column ${ref.column}`);
    }
    return at;
  };
  const marks = suppressCounts(
    counts,
    table.constraints.map((members) => members.map(cellOf)),
  );
  const finish = (row: RawRow, rowRef: number | 'total'): DashboardRow => ({
    key: row.key,
    ...(row.group === undefined ? {} : { group: row.group }),
    ...(row.from === undefined ? {} : { from: row.from }),
    ...(row.to === undefined ? {} : { to: row.to }),
    cells: row.cells.map((cell, column) =>
      shownCell(
        cell,
        isCount(cell) ? marks[cellOf({ row: rowRef, column })] : undefined,
        (ref) => marks[cellOf(ref)],
      ),
    ),
  });
  return {
    columns: table.columns,
    rows: table.rows.map((row, r) => finish(row, r)),
    ...(table.total === undefined ? {} : { total: finish(table.total, 'total') }),
  };
}

function shownCell(
  cell: RawCell,
  countMark: DashboardSuppression | undefined,
  markOf: (ref: CellRef) => DashboardSuppression | undefined,
): DashboardCell {
  const mark = isCount(cell)
    ? countMark
    : cell.follows.map(markOf).find((followed) => followed !== undefined);
  if (mark !== undefined) {
    return { value: null, display: DISPLAY_OF[mark], suppressed: mark };
  }
  if (isCount(cell)) {
    return { value: cell.count, display: String(cell.count) };
  }
  if (cell.derived === null) {
    return { value: null, display: '' };
  }
  return {
    value: cell.derived,
    display: cell.format === 'SHARE' ? cell.derived.toFixed(1) : String(cell.derived),
  };
}
