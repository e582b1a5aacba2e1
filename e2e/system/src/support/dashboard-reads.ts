import type { DashboardPage, DashboardTable } from '@polku/contracts';
import { parse } from 'csv-parse/sync';

/** One answer of a dashboard route as the system tests read it: status, headers, raw text. */
export interface DashboardAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly bytes: Buffer;
}

/**
 * Reads dashboards over HTTP as a demo user, keeping the raw text (a CSV file, or JSON to search
 * for anything that must not be there).
 */
export function dashboardReader(baseUrl: () => string, tokenOf: (user: string) => Promise<string>) {
  async function read(
    path: string,
    as: string,
    headers: Record<string, string> = {},
  ): Promise<DashboardAnswer> {
    const response = await fetch(`${baseUrl()}/api/v1${path}`, {
      headers: { authorization: `Bearer ${await tokenOf(as)}`, ...headers },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, text: bytes.toString(), bytes };
  }

  /** A view as JSON; fails the test unless it answers 200. */
  async function table(view: string, as: string, query = ''): Promise<DashboardTable> {
    const answer = await read(`/dashboards/${view}${query}`, as);
    if (answer.status !== 200) {
      throw new Error(`GET /dashboards/${view}${query} as ${as}: ${answer.status} ${answer.text}`);
    }
    return JSON.parse(answer.text) as DashboardTable;
  }

  /** Every view as JSON, in one page; fails the test unless it answers 200. */
  async function page(as: string, query = ''): Promise<DashboardPage> {
    const answer = await read(`/dashboards${query}`, as);
    if (answer.status !== 200) {
      throw new Error(`GET /dashboards${query} as ${as}: ${answer.status} ${answer.text}`);
    }
    return JSON.parse(answer.text) as DashboardPage;
  }

  return { read, table, page };
}

/** A CSV file of a view as csv-parse reads it: the byte order mark removed, `;` between cells. */
export function csvRecords(text: string): string[][] {
  return parse(text, { bom: true, delimiter: ';' }) as string[][];
}

/**
 * The records the CSV of `table` must hold, from the JSON alone: the header of row columns and
 * column keys, then each row with its key, group, from and to and each cell's display, the
 * total row last.
 */
export function expectedRecords(table: DashboardTable): string[][] {
  const rows = table.total === undefined ? table.rows : [...table.rows, table.total];
  return [
    ['key', 'group', 'from', 'to', ...table.columns.map((column) => column.key)],
    ...rows.map((row) => [
      row.key,
      row.group ?? '',
      row.from ?? '',
      row.to ?? '',
      ...row.cells.map((cell) => cell.display),
    ]),
  ];
}

/** The sum of the TOTAL column over the rows `counted` picks; null when one is suppressed. */
export function totalOf(
  table: DashboardTable,
  counted: (row: DashboardTable['rows'][number]) => boolean,
): number | null {
  const column = table.columns.findIndex((candidate) => candidate.kind === 'TOTAL');
  let sum = 0;
  for (const row of table.rows.filter(counted)) {
    const value = row.cells[column]?.value;
    if (value === null || value === undefined) {
      return null;
    }
    sum += value;
  }
  return sum;
}
