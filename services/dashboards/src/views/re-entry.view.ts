import { addCalendarMonths } from '@polku/timers';
import type { DashboardView } from './dashboard-view';
import { factConditions, periodOfDay, SqlParams } from './fact-sql';
import type { Layout, LayoutRow } from './layout';
import { countsByRow, withGroupTotals } from './row-helpers';
import type { Queryable, ViewContext } from './view-context';

/** Facts of one kind and category in one period, and whether their day is 6 or 12 months ago. */
export interface ReentryCount {
  readonly period: string;
  readonly kind: string;
  readonly category: string;
  readonly old6: boolean;
  readonly old12: boolean;
  readonly n: number;
}

/** The loop counts of a return to the intermediate labour market. */
export const LOOP_COUNTS = ['1', '2', '3+'] as const;

/** The rows of the re-entry group: exits, and re-entries among the exits old enough to tell. */
const REENTRY_ROWS: readonly {
  readonly key: string;
  readonly counts: (record: ReentryCount) => boolean;
  readonly shareOf?: number;
}[] = [
  { key: 'EXITS', counts: (r) => r.kind === 'EXIT' },
  { key: 'EXITS_6_MONTHS_AGO', counts: (r) => r.kind === 'EXIT' && r.old6 },
  {
    key: 'REENTERED_WITHIN_6_MONTHS',
    counts: (r) => r.kind === 'REENTRY' && r.category === 'WITHIN_6' && r.old6,
    shareOf: 1,
  },
  { key: 'EXITS_12_MONTHS_AGO', counts: (r) => r.kind === 'EXIT' && r.old12 },
  {
    key: 'REENTERED_WITHIN_12_MONTHS',
    counts: (r) =>
      r.kind === 'REENTRY' && (r.category === 'WITHIN_6' || r.category === 'WITHIN_12') && r.old12,
    shareOf: 3,
  },
];

/**
 * re-entry: per period of exit (EXIT and REENTRY facts, on the exit date), the exits, and among
 * the exits at least 6 (12) months before today those whose client came back within 6 (12)
 * months, with that share; and the returns to the intermediate labour market of each period
 * (LOOP facts, on the return's day) by how many times the client has come back.
 */
export function reentryLayout(
  periods: readonly string[],
  records: readonly ReentryCount[],
): Layout {
  const width = periods.length + 1;
  const zeros = new Array<number>(width).fill(0);
  const rows: LayoutRow[] = REENTRY_ROWS.map(({ key, counts, shareOf }) => ({
    key,
    group: 'REENTRY',
    counts:
      countsByRow(
        periods,
        records.filter(counts),
        () => key,
        (record) => record.period,
        (record) => record.n,
      ).get(key) ?? zeros,
    ...(shareOf === undefined ? {} : { shareOf }),
  }));
  const loops = records.filter((record) => record.kind === 'LOOP');
  const byLoop = countsByRow(
    periods,
    loops,
    (record) => (record.category === '1' || record.category === '2' ? record.category : '3+'),
    (record) => record.period,
    (record) => record.n,
  );
  const grouped = withGroupTotals(
    [
      {
        group: 'LOOP',
        rows: LOOP_COUNTS.map((key) => ({ key, counts: byLoop.get(key) ?? zeros })),
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
  const where = factConditions(params, context, ['EXIT', 'REENTRY', 'LOOP']);
  // "Old enough" is measured from today in Finland, as the service's clock tells it.
  const cutoff6 = params.add(addCalendarMonths(context.today, -6));
  const cutoff12 = params.add(addCalendarMonths(context.today, -12));
  return db.query<ReentryCount[]>(
    `SELECT ${periodOfDay(context)} AS period, kind, category,
            day <= ${cutoff6}::date AS old6, day <= ${cutoff12}::date AS old12, sum(n)::int AS n
       FROM (SELECT kind, category, fact_date AS day, count(*) AS n
               FROM dashboard_fact
              WHERE ${where}
              GROUP BY 1, 2, 3) per_day
      GROUP BY 1, 2, 3, 4, 5`,
    params.values,
  );
}

export const reentryView: DashboardView = {
  name: 're-entry',
  async read(db, context) {
    return reentryLayout(context.periods, await readReentry(db, context));
  },
};
