import { SQL_PERIOD_UNIT } from '../filters/periods';
import type { ViewContext } from './view-context';

/** The bound parameters of one statement, in order. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** The placeholder of `value`, e.g. `$3`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The conditions on dashboard_fact every view reads under: the kinds, the organisation in
 * ORGANISATION scope (REGION has none: every organisation together), the days counted unless the
 * facts are "now" facts, and the filters. `kind` first and then `org_id` or `fact_date`: the
 * order of the two indexes of the table (docs/dashboards.md, "How the figures are kept").
 */
export function factConditions(
  params: SqlParams,
  context: ViewContext,
  kinds: readonly string[],
  options: { readonly dated: boolean } = { dated: true },
): string {
  const conditions = [
    kinds.length === 1
      ? `kind = ${params.add(kinds[0])}`
      : `kind = ANY(${params.add(kinds)}::text[])`,
  ];
  if (context.orgId !== undefined) {
    conditions.push(`org_id = ${params.add(context.orgId)}::uuid`);
  }
  if (options.dated) {
    conditions.push(
      `fact_date BETWEEN ${params.add(context.from)}::date AND ${params.add(context.to)}::date`,
    );
  }
  if (context.municipality !== undefined) {
    conditions.push(`municipality = ${params.add(context.municipality)}`);
  }
  if (context.measureType !== undefined) {
    conditions.push(`measure_type = ${params.add(context.measureType)}`);
  }
  if (context.ageBand !== undefined) {
    conditions.push(`age_band = ${params.add(context.ageBand)}`);
  }
  return conditions.join(' AND ');
}

/** Where a fact's client mark holds: a category of its kind (or finer), or its whole kind. */
export type ClientMark = 'solo_in_category' | 'solo_in_kind';

/** The facts of a cell, over a fact source whose rows stand for n facts each (./fact-source.ts). */
export const FACTS_COUNTED = 'coalesce(sum(n), 0)';

/** The facts of a cell marked as their path's only one at its level: one client each. */
export function soloOf(mark: ClientMark): string {
  return `coalesce(sum(n) FILTER (WHERE ${mark}), 0)`;
}

/** The clients of a cell's facts not marked solo at its level: their distinct paths. */
export function unmarkedClientsOf(mark: ClientMark): string {
  return `count(DISTINCT path_id) FILTER (WHERE NOT ${mark})`;
}

/**
 * The clients (distinct paths) of a cell's facts, exactly, over a fact source: the facts marked
 * as their path's only one at the cell's level are one client each (by n: a region's cell
 * stands for many), and only the others are sorted by path
 * (services/dashboards/src/projection/facts/client-marks.ts).
 */
export function clientsOf(mark: ClientMark): string {
  return `(${soloOf(mark)} + ${unmarkedClientsOf(mark)})`;
}

/**
 * An expression of a statement of GROUPING SETS whose cells are a category (or finer) where
 * `categoryGrouped` (an SQL condition on GROUPING) holds, and a kind's whole elsewhere:
 * `of(mark)` with the mark of the cell's level.
 */
export function atLevel(categoryGrouped: string, of: (mark: ClientMark) => string): string {
  return `CASE WHEN ${categoryGrouped} THEN ${of('solo_in_category')} ELSE ${of('solo_in_kind')} END`;
}

/** {@link clientsOf} at the level of each cell of a statement of GROUPING SETS ({@link atLevel}). */
export function clientsAtLevel(categoryGrouped: string): string {
  return atLevel(categoryGrouped, clientsOf);
}

/**
 * The first day of the period of a `day` column, grouped by and then shown with
 * to_char(…, 'YYYY-MM-DD'). On a timestamp without time zone, so that the session's time zone
 * cannot move a calendar day; the unit is one of three fixed words.
 */
export function periodOf(context: ViewContext, day = 'fact_date'): string {
  return `date_trunc('${SQL_PERIOD_UNIT[context.period]}', ${day}::timestamp)`;
}

/**
 * Counts, medians and 90th percentiles of `days` per key, from a histogram `h(keys…, days, n,
 * solo)`: what percentile_disc gives (the first value whose cumulative share reaches the
 * fraction; NULL days are counted but not measured), without sorting every fact: a view reads
 * up to a few hundred thousand facts in REGION scope, and they have only a few hundred distinct
 * days. Each key's `clients` are its `solo` facts (each one client of the key: marked as their
 * path's only one at the key's level, {@link soloOf}, or their path's first there) and, when
 * the histogram cannot tell them all, the distinct paths of the others, from `unmarked(keys…,
 * clients)`, which reads only those facts (keys may be NULL at a grouping level, hence NOT
 * DISTINCT).
 */
export function percentilesOfHistogram(
  histogram: string,
  keys: readonly string[],
  unmarked?: string,
): string {
  const by = keys.join(', ');
  const same = keys.map((key) => `d.${key} IS NOT DISTINCT FROM p.${key}`).join(' AND ');
  const percentiles = `WITH h AS (${histogram}),
     c AS (SELECT ${by}, days, n, solo,
                  sum(n) OVER (PARTITION BY ${by} ORDER BY days ROWS UNBOUNDED PRECEDING) AS below,
                  sum(n) FILTER (WHERE days IS NOT NULL) OVER (PARTITION BY ${by}) AS measured
             FROM h),
     p AS (SELECT ${by}, sum(n)::int AS n, sum(solo) AS solo,
                  min(days) FILTER (WHERE 2 * below >= measured) AS median_days,
                  min(days) FILTER (WHERE 10 * below >= 9 * measured) AS p90_days
             FROM c
            GROUP BY ${by})`;
  const columns = `${keys.map((key) => `p.${key}`).join(', ')}, p.n, p.median_days, p.p90_days`;
  return unmarked === undefined
    ? `${percentiles}
     SELECT ${columns}, p.solo::int AS clients FROM p`
    : `${percentiles},
     d AS (${unmarked})
     SELECT ${columns}, (p.solo + coalesce(d.clients, 0))::int AS clients
       FROM p LEFT JOIN d ON ${same}`;
}

/** The day of a fact's path's previous fact in its row, group or kind (client-marks.ts). */
export type PreviousDay = 'prev_in_row' | 'prev_in_group' | 'prev_in_kind';

/**
 * The facts of a cell that are their path's first in it at the level `previous` is of, from
 * `start` (an SQL date: a period's first day, or a placeholder cast to date for the range) on:
 * each one client of the cell, and together all of them
 * (services/dashboards/src/projection/facts/client-marks.ts). Plain filtered sums, no sort by
 * path (docs/adr/0021-first-facts-count-clients.md). Only where the previous days count
 * (firstFactsCanCount in ./fact-source.ts); a cell of the region's cells has none.
 */
export function firstFactsOf(previous: PreviousDay, start: string): string {
  return `coalesce(sum(n) FILTER (WHERE ${previous} IS NULL OR ${previous} < ${start}), 0)`;
}
