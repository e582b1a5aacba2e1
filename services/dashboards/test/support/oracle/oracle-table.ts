import type { DashboardPeriod } from '@polku/contracts';
import { periodStart } from './oracle-dates';
import type { OracleFact } from './oracle-fact';

/** What one view request asks for, as the oracle applies it. */
export interface OracleRequest {
  readonly scope: 'ORGANISATION' | 'REGION';
  /** The caller's organisation (ORGANISATION scope). */
  readonly orgId: string;
  readonly period: DashboardPeriod;
  /** A period's first day: the service counts from the first day of `from`'s period. */
  readonly from: string;
  readonly to: string;
  readonly today: string;
  readonly municipality?: string;
  readonly measureType?: string;
  readonly ageBand?: string;
}

/**
 * A row the oracle expects: its counts per period then TOTAL, the paths (clients) behind each
 * count, whose number decides a small cell (docs/dashboards.md, "Suppression"), and the days of
 * its facts.
 */
export interface ExpectedRow {
  readonly counts: number[];
  readonly paths: Set<string>[];
  readonly days: number[];
}

/** A view as the oracle expects it: rows by `group|key`, and the total row. */
export interface ExpectedTable {
  readonly periods: readonly string[];
  readonly rows: Map<string, ExpectedRow>;
  readonly total?: ExpectedRow;
  /** The row (`total` or `group|key`) whose TOTAL a row's SHARE is a share of; none: no share. */
  readonly shareOf?: (id: string) => string | undefined;
}

/** The first day of every period from `from` to `to`. */
export function periodsOf(request: OracleRequest): string[] {
  const periods: string[] = [];
  let day = periodStart(request.from, request.period);
  while (day <= request.to) {
    periods.push(day);
    const [year, month, date] = day.split('-').map(Number);
    const next =
      request.period === 'WEEK'
        ? new Date(Date.UTC(year, month - 1, date + 7))
        : new Date(Date.UTC(year, month - 1 + (request.period === 'MONTH' ? 1 : 3), 1));
    day = next.toISOString().slice(0, 10);
  }
  return periods;
}

/** The facts of a kind a request counts: its organisation (or all), days and filters. */
export function selected(
  facts: readonly OracleFact[],
  request: OracleRequest,
  kinds: readonly string[],
  options: { readonly dated: boolean } = { dated: true },
): OracleFact[] {
  const from = periodStart(request.from, request.period);
  return facts.filter(
    (fact) =>
      kinds.includes(fact.kind) &&
      (request.scope === 'REGION' || fact.org === request.orgId) &&
      (!options.dated || (fact.date >= from && fact.date <= request.to)) &&
      (request.municipality === undefined || fact.municipality === request.municipality) &&
      (request.measureType === undefined || fact.measureType === request.measureType) &&
      (request.ageBand === undefined || fact.ageBand === request.ageBand),
  );
}

/** An empty row: a zero per period and the TOTAL. */
export function emptyRow(periods: readonly string[]): ExpectedRow {
  return {
    counts: new Array<number>(periods.length + 1).fill(0),
    paths: Array.from({ length: periods.length + 1 }, () => new Set<string>()),
    days: [],
  };
}

/**
 * Counts facts into rows (`rowOf` answers the row id, or undefined to leave a fact out):
 * one per period, then the row's TOTAL; with `periods` empty only the TOTAL.
 */
export function countInto(
  rows: Map<string, ExpectedRow>,
  periods: readonly string[],
  period: DashboardPeriod,
  facts: readonly OracleFact[],
  rowOf: (fact: OracleFact) => string | undefined,
): void {
  for (const fact of facts) {
    const id = rowOf(fact);
    if (id === undefined) {
      continue;
    }
    const row = rows.get(id) ?? emptyRow(periods);
    if (periods.length > 0) {
      const column = periods.indexOf(periodStart(fact.date, period));
      if (column < 0) {
        throw new Error(`oracle: a fact on ${fact.date} outside the periods`);
      }
      row.counts[column] += 1;
      row.paths[column].add(fact.pathId);
    }
    row.counts[periods.length] += 1;
    row.paths[periods.length].add(fact.pathId);
    if (fact.days !== undefined) {
      row.days.push(fact.days);
    }
    rows.set(id, row);
  }
}

/** The sum of rows, cell by cell: facts added, paths united (a path in two rows is one). */
export function sumOf(periods: readonly string[], rows: Iterable<ExpectedRow>): ExpectedRow {
  const sum = emptyRow(periods);
  for (const row of rows) {
    row.counts.forEach((count, i) => {
      sum.counts[i] += count;
      row.paths[i].forEach((path) => sum.paths[i].add(path));
    });
    sum.days.push(...row.days);
  }
  return sum;
}

/** A percentile as PostgreSQL's percentile_disc takes it: a value of the sample, never a mean. */
export function percentileOf(days: readonly number[], fraction: number): number | null {
  if (days.length === 0) {
    return null;
  }
  const sorted = [...days].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(fraction * sorted.length)) - 1];
}
