import type { DashboardCell, DashboardTable } from '@polku/contracts';

/** The row of a table by key and group; the total row is `total`. */
export function rowOf(table: DashboardTable, key: string | 'total', group?: string) {
  const row =
    key === 'total'
      ? table.total
      : table.rows.find((one) => one.key === key && one.group === group);
  if (row === undefined) {
    throw new Error(
      `${table.view} has no row ${key}${group ? ` in ${group}` : ''}: ${table.rows
        .map((one) => `${one.group ?? ''}/${one.key}`)
        .join(', ')}`,
    );
  }
  return row;
}

/** What a row shows, cell by cell, as a person or a CSV reads it. */
export function shown(table: DashboardTable, key: string | 'total', group?: string): string[] {
  return rowOf(table, key, group).cells.map((cell) => cell.display);
}

/** One cell of a row by its column's key. */
export function cellAt(
  table: DashboardTable,
  key: string | 'total',
  column: string,
  group?: string,
): DashboardCell {
  const at = table.columns.findIndex((one) => one.key === column);
  return rowOf(table, key, group).cells[at];
}

/** `group/key` of every row, in order. */
export function rowKeys(table: DashboardTable): string[] {
  return table.rows.map((row) => (row.group === undefined ? row.key : `${row.group}/${row.key}`));
}
