import type { CategoryFigures } from './category-figures';
import { FACTS_COUNTED, firstFactsOf, SqlParams } from './fact-sql';
import { monthCellsApart } from './fact-source';
import type { Queryable, ViewContext } from './view-context';

/** The facts of one days value of a histogram, and how many of them are one client each. */
interface Bar {
  n: number;
  solo: number;
}

/** A kind and category's histogram: its bars by days (null: counted, not measured). */
type Histogram = Map<number | null, Bar>;

/**
 * figuresPerCategory with percentiles (./category-figures.ts) where the region's month cells
 * count the kinds, in two statements instead of one: the cells of the whole months as each
 * category's days and counts, summed in the order of their index, so that PostgreSQL neither
 * hashes nor sorts the few tens of thousands of (category, days) bars a region has; and the
 * facts beside the cells per days, with the clients they are. The bars are added up and the
 * percentiles taken here. Every cell's facts are their path's only one of their category, so
 * each is one client, and no path has facts both in a cell and beside the cells
 * (docs/adr/0020-region-cells-beside-the-facts.md). Undefined where the cells cannot count.
 */
export async function figuresFromMonthCells(
  db: Queryable,
  context: ViewContext,
  kinds: readonly string[],
): Promise<CategoryFigures[] | undefined> {
  const cellParams = new SqlParams();
  const factParams = new SqlParams();
  const apart = monthCellsApart(cellParams, factParams, context, kinds);
  if (apart === undefined) {
    return undefined;
  }
  const start = `${factParams.add(context.from)}::date`;
  const [cellBars, factBars] = await Promise.all([
    db.query<{ kind: string; category: string; days: (number | null)[]; n: number[] }[]>(
      `SELECT kind, category, array_agg(days) AS days, array_agg(n) AS n
         FROM (SELECT kind, category, days, sum(n)::int AS n
                 FROM (${apart.cells} ORDER BY kind, category, days) cell
                GROUP BY kind, category, days) bar
        GROUP BY kind, category`,
      cellParams.values,
    ),
    db.query<{ kind: string; category: string; days: number | null; n: number; solo: number }[]>(
      `SELECT kind, category, days, ${FACTS_COUNTED}::int AS n,
              ${firstFactsOf('prev_in_row', start)}::int AS solo
         FROM ${apart.facts} fact
        GROUP BY kind, category, days`,
      factParams.values,
    ),
  ]);
  const histograms = new Map<string, { kind: string; category: string; bars: Histogram }>();
  const add = (kind: string, category: string, days: number | null, bar: Bar) => {
    const key = JSON.stringify([kind, category]);
    const histogram = histograms.get(key) ?? { kind, category, bars: new Map() };
    histograms.set(key, histogram);
    const before = histogram.bars.get(days) ?? { n: 0, solo: 0 };
    histogram.bars.set(days, { n: before.n + bar.n, solo: before.solo + bar.solo });
  };
  for (const { kind, category, days, n } of cellBars) {
    days.forEach((value, at) => add(kind, category, value, { n: n[at], solo: n[at] }));
  }
  for (const { kind, category, days, n, solo } of factBars) {
    add(kind, category, days, { n, solo });
  }
  return [...histograms.values()].map(({ kind, category, bars }) => ({
    kind,
    category,
    ...percentilesOf(bars),
  }));
}

/**
 * A histogram's facts, clients, median and 90th percentile of days, as percentilesOfHistogram
 * in ./fact-sql.ts gives them: the first days value whose cumulative share of the measured
 * facts reaches the fraction (percentile_disc); facts without days are counted, not measured.
 */
export function percentilesOf(
  bars: Histogram,
): Pick<CategoryFigures, 'n' | 'clients' | 'median_days' | 'p90_days'> {
  let n = 0;
  let clients = 0;
  const measured: [number, number][] = [];
  for (const [days, bar] of bars) {
    n += bar.n;
    clients += bar.solo;
    if (days !== null) {
      measured.push([days, bar.n]);
    }
  }
  measured.sort(([a], [b]) => a - b);
  const total = measured.reduce((sum, [, count]) => sum + count, 0);
  let below = 0;
  let median: number | null = null;
  let p90: number | null = null;
  for (const [days, count] of measured) {
    below += count;
    median ??= 2 * below >= total ? days : null;
    p90 ??= 10 * below >= 9 * total ? days : null;
  }
  return { n, clients, median_days: median, p90_days: p90 };
}
