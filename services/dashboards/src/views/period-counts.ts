import type { FactKind } from '../projection/facts/fact-row';
import { countGroupSql, isGroupedKind } from '../projection/facts/count-groups';
import {
  clientsAtLevel,
  FACTS_COUNTED,
  firstFactsOf,
  periodOf,
  SqlParams,
  type PreviousDay,
} from './fact-sql';
import { factSource, firstFactsCanCount } from './fact-source';
import type { Queryable, ViewContext } from './view-context';

/**
 * The facts of a kind, and the clients (distinct paths) they are of, in one cell: a row
 * (`level` ROW: group and category), a group's whole (GROUP) or the view's whole (ALL), in one
 * period, or over the whole range when `period` is null (a TOTAL column).
 */
export interface PeriodCount {
  readonly level: 'ROW' | 'GROUP' | 'ALL';
  readonly group: string | null;
  readonly category: string | null;
  readonly period: string | null;
  readonly n: number;
  readonly clients: number;
}

/**
 * The facts of a kind counted per category and period, with every whole a view shows: the
 * row's TOTAL over the range, the group's (for a kind shown in groups, by the group its facts
 * are counted in: ../projection/facts/count-groups.ts) and the view's, each in each period and
 * over the range. Wholes are counted, not added: a client's path may be in two periods or two
 * rows of a whole, and is one client of it. One statement over the kind's fact source
 * (./fact-source.ts).
 */
export async function countPerPeriod(
  db: Queryable,
  context: ViewContext,
  kind: FactKind,
): Promise<PeriodCount[]> {
  const params = new SqlParams();
  const facts = factSource(params, context, [kind], { kindWholes: true });
  const grouped = isGroupedKind(kind);
  const group = grouped ? countGroupSql(kind, params) : 'NULL::text';
  const sets = [
    '(grp, category, period)',
    '(grp, category)',
    ...(grouped ? ['(grp, period)', '(grp)'] : []),
    '(period)',
    '()',
  ];
  const clients = firstFactsCanCount(context)
    ? clientsOfFirstFacts(params.add(context.from))
    : clientsAtLevel('GROUPING(category) = 0');
  return db.query<PeriodCount[]>(
    `SELECT CASE WHEN GROUPING(category) = 0 THEN 'ROW'
                 WHEN GROUPING(grp) = 0 THEN 'GROUP' ELSE 'ALL' END AS level,
            grp AS "group", category, to_char(period, 'YYYY-MM-DD') AS period,
            ${FACTS_COUNTED}::int AS n, (${clients})::int AS clients
       FROM (SELECT category, ${group} AS grp, path_id, n, solo_in_category, solo_in_kind,
                    prev_in_row, prev_in_group, prev_in_kind, ${periodOf(context)} AS period
               FROM ${facts} source) fact
      GROUP BY GROUPING SETS (${sets.join(', ')})`,
    params.values,
  );
}

/**
 * The clients of each cell of the statement above as the facts that are their path's first in
 * it: at the cell's level (row, group or the kind), the facts whose path has no fact there
 * earlier in the cell's period, or earlier in the range (`from`, a placeholder) for a TOTAL.
 */
function clientsOfFirstFacts(from: string): string {
  const first = (previous: PreviousDay) =>
    `CASE WHEN GROUPING(period) = 0 THEN ${firstFactsOf(previous, 'period')}
          ELSE ${firstFactsOf(previous, `${from}::date`)} END`;
  return `CASE WHEN GROUPING(category) = 0 THEN ${first('prev_in_row')}
               WHEN GROUPING(grp) = 0 THEN ${first('prev_in_group')}
               ELSE ${first('prev_in_kind')} END`;
}
