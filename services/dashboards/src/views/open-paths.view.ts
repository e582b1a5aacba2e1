import type { DashboardView } from './dashboard-view';
import {
  FACTS_COUNTED,
  percentilesOfHistogram,
  soloOf,
  SqlParams,
  unmarkedClientsOf,
} from './fact-sql';
import { factSource } from './fact-source';
import type { Layout, LayoutRow } from './layout';
import { GROUP_TOTAL_KEY, orderedKeys, withGroupTotals } from './row-helpers';
import { STAYING_STATES } from './time-in-step.view';
import type { Queryable, ViewContext } from './view-context';

/** How long an unclear path has been unclear, in days. */
export const UNCLEAR_AGES = ['DAYS_0_29', 'DAYS_30_89', 'DAYS_90_179', 'DAYS_180_OR_MORE'] as const;

/** Where a pending hand-off stands: escalated, past its answer date, or still in time. */
export const HANDOFF_STANDINGS = ['ON_TIME', 'OVERDUE', 'ESCALATED'] as const;

const GROUP_OF_KIND: Readonly<Record<string, string>> = {
  NOW_OPEN: 'OPEN',
  NOW_UNCLEAR: 'UNCLEAR',
  NOW_HANDOFF: 'HANDOFF',
  NOW_LOST: 'LOST',
};

/** Paths of one NOW_ kind in one row (`level` 0), or all of the kind (`level` 1). */
export interface NowFigures {
  readonly kind: string;
  readonly row_key: string | null;
  readonly level: number;
  readonly n: number;
  readonly clients: number;
  readonly median_days: number | null;
  readonly p90_days: number | null;
}

const figures = (row: NowFigures | undefined) => ({
  counts: [row?.n ?? 0],
  clients: [row?.clients ?? 0],
  medianDays: row?.median_days ?? null,
  p90Days: row?.p90_days ?? null,
});

/**
 * open-paths: the paths as they stand today (NOW_ facts; no periods): open paths by state,
 * unclear paths by how long they have been unclear, hand-offs awaiting their answer by whether
 * they are in time, overdue or escalated, and lost paths. Counts are of paths (of hand-offs in
 * the HANDOFF group: a path may await two, and is hidden by its clients like every count); the
 * days are ages up to today (median and 90th percentile).
 */
export function openPathsLayout(records: readonly NowFigures[]): Layout {
  const of = (kind: string) => records.filter((row) => row.kind === kind);
  const group = (kind: string, known: readonly string[]) => {
    const rows = of(kind);
    return {
      group: GROUP_OF_KIND[kind],
      rows: orderedKeys(
        known,
        rows.filter((row) => row.level === 0).map((row) => row.row_key!),
        true,
      ).map((key) => ({
        key,
        ...figures(rows.find((row) => row.level === 0 && row.row_key === key)),
      })),
      subtotal: figures(rows.find((row) => row.level === 1)),
    };
  };
  const { rows, sums } = withGroupTotals(
    [
      group('NOW_OPEN', STAYING_STATES),
      group('NOW_UNCLEAR', UNCLEAR_AGES),
      group('NOW_HANDOFF', HANDOFF_STANDINGS),
    ],
    1,
  );
  const lost: LayoutRow = {
    key: GROUP_TOTAL_KEY,
    group: GROUP_OF_KIND.NOW_LOST,
    ...figures(of('NOW_LOST').find((row) => row.level === 1)),
  };
  return { periods: [], extras: ['MEDIAN_DAYS', 'P90_DAYS'], rows: [...rows, lost], sums };
}

async function readNow(db: Queryable, context: ViewContext): Promise<NowFigures[]> {
  const params = new SqlParams();
  // A row is within one kind, so a path that is its kind's only one is one client of its row.
  const counted = { kindWholes: true, dated: false };
  const ofPaths = factSource(params, context, ['NOW_OPEN', 'NOW_UNCLEAR', 'NOW_LOST'], counted);
  const ofHandoffs = factSource(params, context, ['NOW_HANDOFF'], counted);
  // A hand-off has a row for its sender and one for its receiver: the region counts the
  // sender's, an organisation its own (docs/dashboards.md, "open-paths").
  const once = context.orgId === undefined ? `WHERE category = ${params.add('SENDER')}` : '';
  // Today comes from the service's clock, never the database's (a simulated clock moves it).
  const today = `${params.add(context.today)}::date`;
  // Each NOW_ fact (few: one or two per open path) in its row, aged, with its path.
  const now = `SELECT kind,
                      CASE kind
                        WHEN 'NOW_OPEN' THEN category
                        WHEN 'NOW_UNCLEAR' THEN CASE
                          WHEN ${today} - fact_date < 30 THEN 'DAYS_0_29'
                          WHEN ${today} - fact_date < 90 THEN 'DAYS_30_89'
                          WHEN ${today} - fact_date < 180 THEN 'DAYS_90_179'
                          ELSE 'DAYS_180_OR_MORE' END
                        ELSE 'ALL' END AS row_key,
                      ${today} - fact_date AS days, path_id, solo_in_kind, n
                 FROM ${ofPaths} fact
               UNION ALL
               SELECT kind,
                      CASE WHEN detail = 'ESCALATED' THEN 'ESCALATED'
                           WHEN due_date < ${today} THEN 'OVERDUE'
                           ELSE 'ON_TIME' END,
                      ${today} - fact_date, path_id, solo_in_kind, n
                 FROM ${ofHandoffs} fact ${once}`;
  return db.query<NowFigures[]>(
    percentilesOfHistogram(
      `SELECT kind, row_key, GROUPING(row_key) AS level, days, ${FACTS_COUNTED} AS n,
              ${soloOf('solo_in_kind')} AS solo
         FROM (${now}) aged
        GROUP BY GROUPING SETS ((kind, row_key, days), (kind, days))`,
      ['kind', 'row_key', 'level'],
      `SELECT kind, row_key, GROUPING(row_key) AS level,
              ${unmarkedClientsOf('solo_in_kind')} AS clients
         FROM (${now}) aged
        WHERE NOT solo_in_kind
        GROUP BY GROUPING SETS ((kind, row_key), (kind))`,
    ),
    params.values,
  );
}

export const openPathsView: DashboardView = {
  name: 'open-paths',
  async read(db, context) {
    return openPathsLayout(await readNow(db, context));
  },
};
