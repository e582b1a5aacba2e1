import type { EntityManager } from 'typeorm';
import type { DashboardFactRow } from './facts/fact-row';

/**
 * Replaces every fact of the paths with `facts` (theirs, as folded from their whole history):
 * a fact a later event has changed or taken back does not linger.
 */
export async function replaceFacts(
  em: EntityManager,
  pathIds: readonly string[],
  facts: readonly DashboardFactRow[],
): Promise<void> {
  if (pathIds.length === 0) {
    return;
  }
  await em.query('DELETE FROM dashboard_fact WHERE path_id = ANY($1::uuid[])', [[...pathIds]]);
  if (facts.length === 0) {
    return;
  }
  const column = <K extends keyof DashboardFactRow>(key: K) => facts.map((fact) => fact[key]);
  await em.query(
    `INSERT INTO dashboard_fact (path_id, fact_key, kind, fact_date, org_id, municipality,
                                 age_band, measure_type, category, detail, days, due_date)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::uuid[], $6::text[],
                          $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::date[])`,
    [
      column('pathId'),
      column('factKey'),
      column('kind'),
      column('factDate'),
      column('orgId'),
      column('municipality'),
      column('ageBand'),
      column('measureType'),
      column('category'),
      column('detail'),
      column('days'),
      column('dueDate'),
    ],
  );
}
