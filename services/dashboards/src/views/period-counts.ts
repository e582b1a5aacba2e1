import { factConditions, periodOfDay, SqlParams } from './fact-sql';
import type { Queryable, ViewContext } from './view-context';

/** How many facts of a category (and detail) fell in one period. */
export interface PeriodCount {
  readonly category: string;
  readonly detail: string | null;
  readonly period: string;
  readonly n: number;
}

/**
 * The facts of a kind counted per category, period and (when asked) detail, in one statement
 * answered from the (kind, …) indexes alone: what every time-series view is built from. Counted
 * per day first, so that the period of a day is worked out once per day.
 */
export async function countPerPeriod(
  db: Queryable,
  context: ViewContext,
  kind: string,
  options: { readonly byDetail: boolean },
): Promise<PeriodCount[]> {
  const params = new SqlParams();
  const where = factConditions(params, context, [kind]);
  const detail = options.byDetail ? 'detail' : 'NULL::text';
  return db.query<PeriodCount[]>(
    `SELECT category, detail, ${periodOfDay(context)} AS period, sum(n)::int AS n
       FROM (SELECT category, ${detail} AS detail, fact_date AS day, count(*) AS n
               FROM dashboard_fact
              WHERE ${where}
              GROUP BY 1, 2, 3) per_day
      GROUP BY 1, 2, 3`,
    params.values,
  );
}
