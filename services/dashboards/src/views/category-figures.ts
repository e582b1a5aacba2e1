import {
  clientsAtLevel,
  clientsOf,
  factConditions,
  percentilesOfHistogram,
  SqlParams,
} from './fact-sql';
import type { Queryable, ViewContext } from './view-context';

/**
 * The facts of one kind and category over the whole range (`category` null: all of the kind),
 * and the clients (distinct paths) they are of: a distribution view's row, or its whole.
 */
export interface CategoryFigures {
  readonly kind: string;
  readonly category: string | null;
  readonly n: number;
  readonly clients: number;
  readonly median_days: number | null;
  readonly p90_days: number | null;
}

/**
 * The facts of the kinds counted per kind and category over the range, with the median and
 * 90th percentile of their days, or else with each kind's whole (counted, since a client
 * may be in two categories): one statement from the (kind, …) indexes, which carry the
 * path_id the clients are counted by.
 */
export async function figuresPerCategory(
  db: Queryable,
  context: ViewContext,
  kinds: readonly string[],
  options: { readonly percentiles: boolean },
): Promise<CategoryFigures[]> {
  const params = new SqlParams();
  const where = factConditions(params, context, kinds);
  if (!options.percentiles) {
    return db.query<CategoryFigures[]>(
      `SELECT kind, category, count(*)::int AS n,
              (${clientsAtLevel('GROUPING(category) = 0')})::int AS clients,
              NULL::int AS median_days, NULL::int AS p90_days
         FROM dashboard_fact
        WHERE ${where}
        GROUP BY GROUPING SETS ((kind, category), (kind))`,
      params.values,
    );
  }
  // The days from a histogram (few rows); the clients apart (see clientsOf).
  return db.query<CategoryFigures[]>(
    percentilesOfHistogram(
      `SELECT kind, category, days, count(*) AS n
         FROM dashboard_fact
        WHERE ${where}
        GROUP BY kind, category, days`,
      ['kind', 'category'],
      `SELECT kind, category, ${clientsOf('solo_in_category')} AS clients
         FROM dashboard_fact
        WHERE ${where}
        GROUP BY kind, category`,
    ),
    params.values,
  );
}
