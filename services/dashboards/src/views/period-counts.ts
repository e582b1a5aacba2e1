import { clientsAtLevel, FACTS_COUNTED, periodOf, SqlParams } from './fact-sql';
import { factSource } from './fact-source';
import type { Queryable, ViewContext } from './view-context';

/**
 * The facts of a kind, and the clients (distinct paths) they are of, in one cell: a row
 * (`level` ROW: category and detail), a group's whole (GROUP) or the view's whole (ALL), in one
 * period, or over the whole range when `period` is null (a TOTAL column).
 */
export interface PeriodCount {
  readonly level: 'ROW' | 'GROUP' | 'ALL';
  readonly group: string | null;
  readonly category: string | null;
  readonly detail: string | null;
  readonly period: string | null;
  readonly n: number;
  readonly clients: number;
}

/**
 * The facts of a kind counted per category, period and (when asked) detail, with every whole a
 * view shows: the row's TOTAL over the range, the group's (by the SQL expression `groupBy`, when
 * the view has groups) and the view's, each in each period and over the range. Wholes are
 * counted, not added: a client's path may be in two periods or two rows of a whole, and is one
 * client of it. One statement over the kind's fact source (./fact-source.ts).
 */
export async function countPerPeriod(
  db: Queryable,
  context: ViewContext,
  kind: string,
  options: {
    readonly byDetail: boolean;
    readonly groupBy?: (params: SqlParams) => string;
  },
): Promise<PeriodCount[]> {
  const params = new SqlParams();
  const facts = factSource(params, context, [kind], { kindWholes: true });
  const detail = options.byDetail ? 'detail' : 'NULL::text';
  const group = options.groupBy === undefined ? 'NULL::text' : options.groupBy(params);
  const sets = [
    '(grp, category, detail, period)',
    '(grp, category, detail)',
    ...(options.groupBy === undefined ? [] : ['(grp, period)', '(grp)']),
    '(period)',
    '()',
  ];
  return db.query<PeriodCount[]>(
    `SELECT CASE WHEN GROUPING(category) = 0 THEN 'ROW'
                 WHEN GROUPING(grp) = 0 THEN 'GROUP' ELSE 'ALL' END AS level,
            grp AS "group", category, detail, to_char(period, 'YYYY-MM-DD') AS period,
            ${FACTS_COUNTED}::int AS n,
            (${clientsAtLevel('GROUPING(category) = 0')})::int AS clients
       FROM (SELECT category, ${detail} AS detail, ${group} AS grp, path_id, n,
                    solo_in_category, solo_in_kind, ${periodOf(context)} AS period
               FROM ${facts} source) fact
      GROUP BY GROUPING SETS (${sets.join(', ')})`,
    params.values,
  );
}
