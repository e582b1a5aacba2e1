import {
  SMALL_CELL_THRESHOLD,
  type DashboardCell,
  type DashboardRow,
  type DashboardTable,
} from '@polku/contracts';
import { emptyRow, percentileOf, type ExpectedRow, type ExpectedTable } from './oracle-table';

/** The row a SHARE is of: its TOTAL cell as shown, and its count as the oracle has it. */
interface Whole {
  readonly cell: DashboardCell | undefined;
  readonly count: number;
}

/** How much a comparison compared: counts shown (not zero), and cells hidden as small. */
export interface CompareTally {
  shown: number;
  small: number;
}

/**
 * Every way the service's table differs from the oracle's: a count shown that is not the
 * oracle's, a small cell (of 1–4 clients) shown or a cell hidden as small that is not small, a
 * secondary suppression of a cell under the threshold, a median or 90th percentile that differs or is not
 * hidden with its row's count, a row the oracle has that the service lacks, other periods.
 */
export function differences(
  table: DashboardTable,
  expected: ExpectedTable,
  tally: CompareTally = { shown: 0, small: 0 },
): string[] {
  const found: string[] = [];
  const periods = table.columns.filter((c) => c.kind === 'PERIOD').map((c) => c.key);
  if (JSON.stringify(periods) !== JSON.stringify(expected.periods)) {
    found.push(`periods ${periods.join(',')} instead of ${expected.periods.join(',')}`);
    return found;
  }
  const seen = new Set<string>();
  const byId = new Map(table.rows.map((row) => [`${row.group ?? ''}|${row.key}`, row]));
  const share = (id: string): Whole | undefined => {
    const wholeId = expected.shareOf?.(id);
    if (wholeId === undefined) {
      return undefined;
    }
    const row = wholeId === 'total' ? table.total : byId.get(wholeId);
    const counts = (wholeId === 'total' ? expected.total : expected.rows.get(wholeId))?.counts;
    return { cell: row?.cells[expected.periods.length], count: counts?.at(-1) ?? 0 };
  };
  for (const row of table.rows) {
    const id = `${row.group ?? ''}|${row.key}`;
    seen.add(id);
    found.push(...rowDifferences(table, row, id, expected.rows.get(id), tally, share(id)));
  }
  for (const [id, row] of expected.rows) {
    if (!seen.has(id) && row.counts.some((count) => count > 0)) {
      found.push(`row ${id} missing (oracle counts ${row.counts.join(',')})`);
    }
  }
  if (expected.total !== undefined) {
    found.push(
      ...(table.total === undefined
        ? ['no total row']
        : rowDifferences(table, table.total, 'total', expected.total, tally, share('total'))),
    );
  }
  return found;
}

function rowDifferences(
  table: DashboardTable,
  row: DashboardRow,
  id: string,
  expectedRow: ExpectedRow | undefined,
  tally: CompareTally,
  whole: Whole | undefined,
): string[] {
  const periods = table.columns.filter((c) => c.kind === 'PERIOD').map((c) => c.key);
  const expected = expectedRow ?? emptyRow(periods);
  const found: string[] = [];
  let counts = 0;
  let totalCell: DashboardCell | undefined;
  table.columns.forEach((column, index) => {
    const cell = row.cells[index];
    const where = `row ${id}, ${column.key}`;
    if (column.kind === 'PERIOD' || column.kind === 'TOTAL') {
      found.push(
        ...countDifferences(where, cell, expected.counts[counts], expected.paths[counts].size),
      );
      tally.shown += cell.suppressed === undefined && (cell.value ?? 0) > 0 ? 1 : 0;
      tally.small += cell.suppressed === 'SMALL_CELL' ? 1 : 0;
      counts += 1;
      totalCell = column.kind === 'TOTAL' ? cell : totalCell;
    } else if (column.kind === 'MEDIAN_DAYS' || column.kind === 'P90_DAYS') {
      const value = percentileOf(expected.days, column.kind === 'MEDIAN_DAYS' ? 0.5 : 0.9);
      found.push(...derivedDifferences(where, cell, totalCell, value));
    } else if (column.kind === 'SHARE') {
      found.push(...shareDifferences(where, cell, totalCell, expected.counts.at(-1) ?? 0, whole));
    }
  });
  return found;
}

/** A count cell: small exactly when its facts are of 1–4 clients, however many facts. */
function countDifferences(
  where: string,
  cell: DashboardCell,
  count: number,
  clients: number,
): string[] {
  const small = clients >= 1 && clients < SMALL_CELL_THRESHOLD;
  const counted = `${count} of ${clients} clients`;
  if (cell.suppressed === 'SMALL_CELL') {
    return small ? [] : [`${where}: hidden as small, but the oracle counts ${counted}`];
  }
  if (small) {
    return [
      `${where}: shows ${cell.display} (${cell.suppressed ?? 'shown'}), the oracle counts ${counted} (<5)`,
    ];
  }
  if (cell.suppressed === 'SECONDARY') {
    return clients >= SMALL_CELL_THRESHOLD
      ? []
      : [`${where}: hidden as secondary, but the oracle counts ${counted}`];
  }
  return cell.value === count ? [] : [`${where}: ${cell.value}, the oracle counts ${count}`];
}

function derivedDifferences(
  where: string,
  cell: DashboardCell,
  count: DashboardCell | undefined,
  value: number | null,
): string[] {
  if (count?.suppressed !== undefined) {
    return cell.value === null && cell.suppressed !== undefined
      ? []
      : [`${where}: shows ${cell.display} while its count is hidden`];
  }
  return cell.value === value ? [] : [`${where}: ${cell.value}, the oracle has ${value}`];
}

/** A share in per cent with one decimal, hidden with its count or its whole; none of nothing. */
function shareDifferences(
  where: string,
  cell: DashboardCell,
  own: DashboardCell | undefined,
  count: number,
  whole: Whole | undefined,
): string[] {
  if (whole === undefined) {
    return cell.value === null ? [] : [`${where}: a share ${cell.display} of nothing`];
  }
  if (own?.suppressed !== undefined || whole.cell?.suppressed !== undefined) {
    return cell.value === null && cell.suppressed !== undefined
      ? []
      : [`${where}: shows ${cell.display} while its count or its whole is hidden`];
  }
  const value = whole.count === 0 ? null : Math.round((1000 * count) / whole.count) / 10;
  return cell.value === value ? [] : [`${where}: ${cell.value}, the oracle has ${value}`];
}
