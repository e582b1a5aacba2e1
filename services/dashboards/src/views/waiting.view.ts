import type { DashboardView } from './dashboard-view';
import {
  atLevel,
  FACTS_COUNTED,
  firstFactsOf,
  percentilesOfHistogram,
  soloOf,
  SqlParams,
  unmarkedClientsOf,
  type PreviousDay,
} from './fact-sql';
import { factSource, firstFactsCanCount } from './fact-source';
import type { Layout } from './layout';
import { orderedKeys, withGroupTotals, type GroupedRows } from './row-helpers';
import type { Queryable, ViewContext } from './view-context';

/** A WAIT or ANSWER_DELAY figure: per detail (`level` 0), per category (1) or per kind (3). */
export interface WaitFigures {
  readonly kind: string;
  readonly category: string | null;
  readonly detail: string | null;
  readonly level: number;
  readonly n: number;
  readonly clients: number;
  readonly median_days: number | null;
  readonly p90_days: number | null;
}

const ANSWERS = ['ACCEPTED', 'DECLINED'];

const figures = (row: WaitFigures | undefined) => ({
  counts: [row?.n ?? 0],
  clients: [row?.clients ?? 0],
  medianDays: row?.median_days ?? null,
  p90Days: row?.p90_days ?? null,
});

/**
 * waiting: the waits between services that ended in the range (WAIT facts, on the day the wait
 * ended) per kind of wait, and how long referrals and hand-offs waited for their answer
 * (ANSWER_DELAY facts, on the answer's day), accepted and declined: counts, median and 90th
 * percentile in days, each group with its whole as the subtotal row. A client may wait several
 * times: every row and whole is hidden by its clients, counted in SQL.
 */
export function waitingLayout(records: readonly WaitFigures[]): Layout {
  const waits = records.filter((row) => row.kind === 'WAIT');
  const answers = records.filter((row) => row.kind === 'ANSWER_DELAY');
  const groups: GroupedRows[] = [
    {
      group: 'WAIT',
      rows: orderedKeys(
        [],
        waits.filter((row) => row.level === 1).map((row) => row.category!),
        false,
      ).map((category) => ({
        key: category,
        ...figures(waits.find((row) => row.level === 1 && row.category === category)),
      })),
      subtotal: figures(waits.find((row) => row.level === 3)),
    },
    ...orderedKeys(
      ['REFERRAL', 'HANDOFF'],
      answers.filter((row) => row.level === 1).map((row) => row.category!),
      true,
    ).map((category) => {
      const ofCategory = answers.filter((row) => row.category === category);
      return {
        group: `${category}_ANSWER`,
        rows: orderedKeys(
          ANSWERS,
          ofCategory.filter((row) => row.level === 0).map((row) => row.detail ?? 'UNKNOWN'),
          true,
        ).map((answer) => ({
          key: answer,
          ...figures(
            ofCategory.find((row) => row.level === 0 && (row.detail ?? 'UNKNOWN') === answer),
          ),
        })),
        subtotal: figures(ofCategory.find((row) => row.level === 1)),
      };
    }),
  ];
  const { rows, sums } = withGroupTotals(groups, 1);
  return { periods: [], extras: ['MEDIAN_DAYS', 'P90_DAYS'], rows, sums };
}

async function readWaiting(db: Queryable, context: ViewContext): Promise<WaitFigures[]> {
  const params = new SqlParams();
  const facts = () => factSource(params, context, ['WAIT', 'ANSWER_DELAY'], { kindWholes: true });
  // Per detail, per category and per kind (GROUPING: 0, 1, 3), from the facts counted per days.
  const levels =
    'GROUPING SETS ((kind, category, detail, days), (kind, category, days), (kind, days))';
  if (firstFactsCanCount(context)) {
    // A path's first fact at a level in the range is one client of it: a detail is an answer
    // delay's row and a category a group (../projection/facts/count-groups.ts); a wait's row is
    // its category, and its detail none.
    const start = `${params.add(context.from)}::date`;
    const first = (previous: PreviousDay) => firstFactsOf(previous, start);
    return db.query<WaitFigures[]>(
      percentilesOfHistogram(
        `SELECT kind, category, detail, GROUPING(category, detail) AS level, days, sum(n) AS n,
                CASE WHEN GROUPING(detail) = 0 THEN sum(first_in_row)
                     WHEN GROUPING(category) = 0 THEN sum(first_in_group)
                     ELSE sum(first_in_kind) END AS solo
           FROM (SELECT kind, category, detail, days, ${FACTS_COUNTED} AS n,
                        ${first('prev_in_row')} AS first_in_row,
                        ${first('prev_in_group')} AS first_in_group,
                        ${first('prev_in_kind')} AS first_in_kind
                   FROM ${facts()} fact
                  GROUP BY 1, 2, 3, 4) per_days
          GROUP BY ${levels}`,
        ['kind', 'category', 'detail', 'level'],
      ),
      params.values,
    );
  }
  // The solo facts are summed by their mark at each level: a category's, or the kind's.
  return db.query<WaitFigures[]>(
    percentilesOfHistogram(
      `SELECT kind, category, detail, GROUPING(category, detail) AS level, days, sum(n) AS n,
              CASE WHEN GROUPING(category) = 0 THEN sum(solo_of_category)
                   ELSE sum(solo_of_kind) END AS solo
         FROM (SELECT kind, category, detail, days, ${FACTS_COUNTED} AS n,
                      ${soloOf('solo_in_category')} AS solo_of_category,
                      ${soloOf('solo_in_kind')} AS solo_of_kind
                 FROM ${facts()} fact
                GROUP BY 1, 2, 3, 4) per_days
        GROUP BY ${levels}`,
      ['kind', 'category', 'detail', 'level'],
      // A fact solo in its kind is solo in its category: only the others are read.
      `SELECT kind, category, detail, GROUPING(category, detail) AS level,
              ${atLevel('GROUPING(category) = 0', unmarkedClientsOf)} AS clients
         FROM ${facts()} fact
        WHERE NOT solo_in_kind
        GROUP BY GROUPING SETS ((kind, category, detail), (kind, category), (kind))`,
    ),
    params.values,
  );
}

export const waitingView: DashboardView = {
  name: 'waiting',
  async read(db, context) {
    return waitingLayout(await readWaiting(db, context));
  },
};
