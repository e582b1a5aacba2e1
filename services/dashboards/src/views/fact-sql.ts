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

/**
 * The first day of a fact's period, YYYY-MM-DD. On a timestamp without time zone, so that the
 * session's time zone cannot move a calendar day; the unit is one of three fixed words.
 */
export function periodOfFact(context: ViewContext): string {
  return `to_char(date_trunc('${SQL_PERIOD_UNIT[context.period]}', fact_date::timestamp), 'YYYY-MM-DD')`;
}

/** Median and 90th percentile of `days` (a value of a fact, never an average of two). */
export const DAYS_PERCENTILES = `percentile_disc(0.5) WITHIN GROUP (ORDER BY days) AS median_days,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY days) AS p90_days`;
