import { factConditions, percentilesOfHistogram, SqlParams } from './fact-sql';
import type { Queryable, ViewContext } from './view-context';

/** The facts of one kind and category over the whole range: a distribution view's row. */
export interface CategoryFigures {
  readonly kind: string;
  readonly category: string;
  readonly n: number;
  readonly median_days: number | null;
  readonly p90_days: number | null;
}

/**
 * The facts of the kinds counted per kind and category over the range, with the median and
 * 90th percentile of their days when asked: one statement from the (kind, …) indexes.
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
      `SELECT kind, category, count(*)::int AS n, NULL::int AS median_days, NULL::int AS p90_days
         FROM dashboard_fact
        WHERE ${where}
        GROUP BY kind, category`,
      params.values,
    );
  }
  return db.query<CategoryFigures[]>(
    percentilesOfHistogram(
      `SELECT kind, category, days, count(*) AS n
         FROM dashboard_fact
        WHERE ${where}
        GROUP BY kind, category, days`,
      ['kind', 'category'],
    ),
    params.values,
  );
}
