import type { DataSource } from 'typeorm';
import type { OracleFact } from './oracle-fact';

interface FactRow {
  readonly path_id: string;
  readonly kind: string;
  readonly date: string;
  readonly org: string;
  readonly municipality: string;
  readonly age_band: string;
  readonly measure_type: string;
  readonly category: string;
  readonly detail: string | null;
  readonly days: number | null;
}

function line(fact: OracleFact): string {
  return [
    fact.kind,
    fact.pathId,
    fact.date,
    fact.org,
    fact.municipality,
    fact.ageBand,
    fact.measureType,
    fact.category,
    fact.detail ?? '-',
    fact.days ?? '-',
  ].join(' ');
}

function tally(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const one of lines) {
    counts.set(one, (counts.get(one) ?? 0) + 1);
  }
  return counts;
}

/**
 * When a view differs from the oracle, where it comes from: the facts the projection kept that
 * the oracle does not have, and the other way round (first `limit` of each). Empty when the
 * projection agrees, which points at the views.
 */
export async function factDifferences(
  dataSource: DataSource,
  facts: readonly OracleFact[],
  limit = 10,
): Promise<string[]> {
  const rows = await dataSource.query<FactRow[]>(
    `SELECT path_id, kind, fact_date::text AS date, org_id AS org, municipality, age_band,
            measure_type, category, detail, days
       FROM dashboard_fact`,
  );
  const kept = tally(
    rows.map((row) =>
      line({
        pathId: row.path_id,
        kind: row.kind,
        date: row.date,
        org: row.org,
        municipality: row.municipality,
        ageBand: row.age_band,
        measureType: row.measure_type,
        category: row.category,
        ...(row.detail === null ? {} : { detail: row.detail }),
        ...(row.days === null ? {} : { days: row.days }),
      }),
    ),
  );
  const derived = tally(facts.map(line));
  const missing = (from: Map<string, number>, other: Map<string, number>) =>
    [...from].filter(([one, n]) => (other.get(one) ?? 0) < n).map(([one]) => one);
  return [
    ...missing(kept, derived)
      .slice(0, limit)
      .map((one) => `projection only: ${one}`),
    ...missing(derived, kept)
      .slice(0, limit)
      .map((one) => `oracle only: ${one}`),
  ];
}
