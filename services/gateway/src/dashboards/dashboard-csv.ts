import type { DashboardRow, DashboardTable } from '@polku/contracts';
import { stringify } from 'csv-stringify/sync';

/** The columns every CSV row starts with: what the row is, before its figures. */
export const CSV_ROW_COLUMNS = ['key', 'group', 'from', 'to'] as const;

/**
 * The cell separator. Excel reads a double-clicked CSV with the list separator of the
 * Windows region, which in fi-FI is the semicolon (the comma is the decimal separator there):
 * with commas every line would land in one column. LibreOffice asks, and csv libraries take a
 * delimiter option, so the semicolon costs the other readers nothing.
 */
export const CSV_DELIMITER = ';';

// A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets
// (OWASP "CSV injection"); the tab and carriage return can hide such a start.
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain signed number (a goal attainment level `-2`, `+1`) is read as a number, never run.
const SIGNED_NUMBER = /^[+-]\d+(?:[.,]\d+)?$/;

/**
 * The cell as text that a spreadsheet shows and never runs. The service's cells hold digits,
 * `<5`, `..` or category names only, but a name comes from data (a measure type, a reason)
 * and this file leaves polku: a leading apostrophe makes a spreadsheet take the rest as text.
 */
export function formulaSafe(text: string): string {
  return FORMULA_START.test(text) && !SIGNED_NUMBER.test(text) ? `'${text}` : text;
}

function recordOf(row: DashboardRow, columnCount: number, view: string): string[] {
  if (row.cells.length !== columnCount) {
    // A wiring bug between gateway and service: a shifted column would misstate every figure.
    throw new Error(
      `dashboard ${view}: row ${row.key} has ${row.cells.length} cells for ${columnCount} columns`,
    );
  }
  return [
    row.key,
    row.group ?? '',
    row.from ?? '',
    row.to ?? '',
    ...row.cells.map((cell) => cell.display),
  ];
}

/**
 * A view's table as a CSV file (docs/dashboards.md, "The API and CSV export"): a header row of
 * `key;group;from;to` and the column keys, one line per row, the total row last. Each figure is
 * the cell's `display`, exactly what the JSON answer shows, so a suppressed cell is `<5` or `..`
 * here too and the file discloses nothing the table does not.
 *
 * - UTF-8 with a byte order mark: without it Excel reads the file as Windows-1252 and shows
 *   ä and ö of category and municipality names as two characters each.
 * - CRLF line ends, as RFC 4180 has them; every reader takes them.
 * - Quotes only where a cell holds the separator, a quote or a line break (csv-stringify).
 */
export function dashboardCsv(table: DashboardTable): string {
  const rows = table.total === undefined ? table.rows : [...table.rows, table.total];
  const records = [
    [...CSV_ROW_COLUMNS, ...table.columns.map((column) => column.key)],
    ...rows.map((row) => recordOf(row, table.columns.length, table.view)),
  ];
  return stringify(
    records.map((record) => record.map(formulaSafe)),
    { bom: true, delimiter: CSV_DELIMITER, record_delimiter: 'windows' },
  );
}

/**
 * `polku-<view>-<from>-<to>.csv`, with the range the table covers (the defaults resolved by the
 * service). The view is one of DASHBOARD_VIEWS and the dates are YYYY-MM-DD; anything else a
 * service might answer becomes `_`, so the name can never break out of its header's quotes.
 */
export function dashboardCsvFileName(table: DashboardTable): string {
  const safe = (part: string) => part.replace(/[^A-Za-z0-9-]/g, '_');
  return `polku-${safe(table.view)}-${safe(table.from)}-${safe(table.to)}.csv`;
}
