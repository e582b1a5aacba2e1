import { addCalendarMonths } from '@polku/timers';
import type { DashboardView } from './dashboard-view';
import { clientsOf, FACTS_COUNTED, periodOf, SqlParams } from './fact-sql';
import { factSource } from './fact-source';
import type { Layout, LayoutRow } from './layout';
import { emptySeries, seriesByKey, withGroupTotals } from './row-helpers';
import type { Queryable, ViewContext } from './view-context';

/**
 * The facts and clients of one row of the view (`row`: a re-entry row, or `LOOP:<count>` /
 * `LOOP:TOTAL`) in one period, or over the range when `period` is null.
 */
export interface ReentryCount {
  readonly row: string;
  readonly period: string | null;
  readonly n: number;
  readonly clients: number;
}

/** The loop counts of a return to the intermediate labour market. */
export const LOOP_COUNTS = ['1', '2', '3+'] as const;

/** The rows of the re-entry group and the row their SHARE is of. */
const REENTRY_ROWS: readonly { readonly key: string; readonly shareOf?: number }[] = [
  { key: 'EXITS' },
  { key: 'EXITS_6_MONTHS_AGO' },
  { key: 'REENTERED_WITHIN_6_MONTHS', shareOf: 1 },
  { key: 'EXITS_12_MONTHS_AGO' },
  { key: 'REENTERED_WITHIN_12_MONTHS', shareOf: 3 },
];

/**
 * re-entry: per period of exit (EXIT and REENTRY facts, on the exit date), the exits, and among
 * the exits at least 6 (12) months before today those whose client came back within 6 (12)
 * months, with that share; and the returns to the intermediate labour market of each period
 * (LOOP facts, on the return's day) by how many times the client has come back. Every row and
 * its TOTAL are counted in SQL (a path may exit twice, and is one client).
 */
export function reentryLayout(
  periods: readonly string[],
  records: readonly ReentryCount[],
): Layout {
  const width = periods.length + 1;
  const series = seriesByKey(
    periods,
    records,
    (record) => record.row,
    (record) => record.period,
  );
  const of = (row: string) => series.get(row) ?? emptySeries(width);
  const rows: LayoutRow[] = REENTRY_ROWS.map(({ key, shareOf }) => ({
    key,
    group: 'REENTRY',
    ...of(key),
    ...(shareOf === undefined ? {} : { shareOf }),
  }));
  const grouped = withGroupTotals(
    [
      {
        group: 'LOOP',
        rows: LOOP_COUNTS.map((key) => ({ key, ...of(`LOOP:${key}`) })),
        subtotal: of('LOOP:TOTAL'),
      },
    ],
    width,
  );
  const offset = rows.length;
  return {
    periods,
    extras: ['SHARE'],
    rows: [
      ...rows,
      ...grouped.rows.map((row) =>
        row.shareOf === undefined ? row : { ...row, shareOf: (row.shareOf as number) + offset },
      ),
    ],
    sums: grouped.sums.map(({ total, members }) => ({
      total: (total as number) + offset,
      members: members.map((member) => (member as number) + offset),
    })),
  };
}

async function readReentry(db: Queryable, context: ViewContext): Promise<ReentryCount[]> {
  const params = new SqlParams();
  const facts = factSource(params, context, ['EXIT', 'REENTRY', 'LOOP'], { kindWholes: true });
  // "Old enough" is measured from today in Finland, as the service's clock tells it.
  const old6 = `fact_date <= ${params.add(addCalendarMonths(context.today, -6))}::date`;
  const old12 = `fact_date <= ${params.add(addCalendarMonths(context.today, -12))}::date`;
  // Each fact in every row it counts in (an old exit is an exit, and one of 6 and 12 months ago).
  // A row is within one kind, so a path that is its kind's only one is one client of its row.
  return db.query<ReentryCount[]>(
    `SELECT row_key AS row, to_char(period, 'YYYY-MM-DD') AS period,
            ${FACTS_COUNTED}::int AS n, ${clientsOf('solo_in_kind')}::int AS clients
       FROM (SELECT path_id, solo_in_kind, n, row_key,
                    ${periodOf(context)} AS period
               FROM ${facts} source
               CROSS JOIN LATERAL (VALUES
                 ('EXITS', kind = 'EXIT'),
                 ('EXITS_6_MONTHS_AGO', kind = 'EXIT' AND ${old6}),
                 ('REENTERED_WITHIN_6_MONTHS', kind = 'REENTRY' AND category = 'WITHIN_6' AND ${old6}),
                 ('EXITS_12_MONTHS_AGO', kind = 'EXIT' AND ${old12}),
                 ('REENTERED_WITHIN_12_MONTHS',
                  kind = 'REENTRY' AND category IN ('WITHIN_6', 'WITHIN_12') AND ${old12}),
                 ('LOOP:' || CASE WHEN category IN ('1', '2') THEN category ELSE '3+' END,
                  kind = 'LOOP'),
                 ('LOOP:TOTAL', kind = 'LOOP')) AS counted (row_key, counts)
              WHERE counts) fact
      GROUP BY GROUPING SETS ((row_key, period), (row_key))`,
    params.values,
  );
}

export const reentryView: DashboardView = {
  name: 're-entry',
  async read(db, context) {
    return reentryLayout(context.periods, await readReentry(db, context));
  },
};
