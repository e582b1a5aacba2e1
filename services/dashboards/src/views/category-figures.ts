import {
  clientsAtLevel,
  FACTS_COUNTED,
  firstFactsOf,
  percentilesOfHistogram,
  soloOf,
  SqlParams,
  unmarkedClientsOf,
} from './fact-sql';
import { rowIsCategory } from '../projection/facts/count-groups';
import type { FactKind } from '../projection/facts/fact-row';
import { factSource, firstFactsCanCount } from './fact-source';
import { figuresFromMonthCells } from './histogram-figures';
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
 * may be in two categories): one statement over the kinds' fact source (./fact-source.ts).
 */
export async function figuresPerCategory(
  db: Queryable,
  context: ViewContext,
  kinds: readonly FactKind[],
  options: { readonly percentiles: boolean },
): Promise<CategoryFigures[]> {
  const params = new SqlParams();
  if (!options.percentiles) {
    const facts = factSource(params, context, kinds, { kindWholes: true });
    return db.query<CategoryFigures[]>(
      `SELECT kind, category, ${FACTS_COUNTED}::int AS n,
              (${clientsAtLevel('GROUPING(category) = 0')})::int AS clients,
              NULL::int AS median_days, NULL::int AS p90_days
         FROM ${facts} fact
        GROUP BY GROUPING SETS ((kind, category), (kind))`,
      params.values,
    );
  }
  const fromCells = await figuresFromMonthCells(db, context, kinds);
  if (fromCells !== undefined) {
    return fromCells;
  }
  // The days from a histogram (few rows), with the clients each key's facts are of.
  const facts = () => factSource(params, context, kinds, { kindWholes: false });
  if (firstFactsCanCount(context) && kinds.every(rowIsCategory)) {
    // A row is a category: a path's first fact of it in the range is one client.
    return db.query<CategoryFigures[]>(
      percentilesOfHistogram(
        `SELECT kind, category, days, ${FACTS_COUNTED} AS n,
                ${firstFactsOf('prev_in_row', `${params.add(context.from)}::date`)} AS solo
           FROM ${facts()} fact
          GROUP BY kind, category, days`,
        ['kind', 'category'],
      ),
      params.values,
    );
  }
  // The solo facts from the histogram, the other facts' paths apart.
  return db.query<CategoryFigures[]>(
    percentilesOfHistogram(
      `SELECT kind, category, days, ${FACTS_COUNTED} AS n, ${soloOf('solo_in_category')} AS solo
         FROM ${facts()} fact
        GROUP BY kind, category, days`,
      ['kind', 'category'],
      `SELECT kind, category, ${unmarkedClientsOf('solo_in_category')} AS clients
         FROM ${facts()} fact
        WHERE NOT solo_in_category
        GROUP BY kind, category`,
    ),
    params.values,
  );
}
