import type { EntityManager } from 'typeorm';
import { CELL_FACT_COLUMNS, countIntoCells, type CellFact } from './fact-cells';
import type { MarkedFactRow } from './facts/client-marks';

/** Every column of a fact but its key (path_id, fact_key): what makes two facts the same. */
const VALUE_COLUMNS = `kind, fact_date, org_id, municipality, age_band, measure_type, category,
                       detail, days, due_date, solo_in_category, solo_in_kind, prev_in_row,
                       prev_in_group, prev_in_kind`;

/** The SQL types of path_id, fact_key and the {@link VALUE_COLUMNS}, in their order. */
const FOLDED_TYPES = [
  ...['uuid', 'text', 'text', 'date', 'uuid', 'text', 'text', 'text', 'text', 'text', 'int'],
  ...['date', 'boolean', 'boolean', 'date', 'date', 'date'],
];

/**
 * Replaces every fact of the paths with `facts` (theirs, as folded from their whole history):
 * a fact a later event has changed or taken back does not linger. Only what differs is written:
 * an event changes a few of its path's facts and leaves the rest as they were, and rewriting
 * them all (dead rows, index entries of two wide covering indexes) is what slowed the ingest as
 * the table grew (docs/performance.md, "Dashboards"). The region's cells follow what was
 * deleted and inserted (./fact-cells.ts).
 */
export async function replaceFacts(
  em: EntityManager,
  pathIds: readonly string[],
  facts: readonly MarkedFactRow[],
): Promise<void> {
  if (pathIds.length === 0) {
    return;
  }
  const column = <K extends keyof MarkedFactRow>(key: K) => facts.map((fact) => fact[key]);
  const foldedValues = [
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
    column('soloInCategory'),
    column('soloInKind'),
    column('prevInRow'),
    column('prevInGroup'),
    column('prevInKind'),
  ];
  // The stored facts the fold no longer has, or has with other values, go; what is left of the
  // paths' facts is then exactly as folded, and the insert adds the rest. (TypeORM answers a
  // DELETE with [rows, affected count].)
  const [removed] = await em.query<[CellFact[], number]>(
    `DELETE FROM dashboard_fact stored
      WHERE stored.path_id = ANY($1::uuid[])
        AND NOT EXISTS (
              SELECT 1 FROM (${foldedFacts(2)}) folded
               WHERE folded.path_id = stored.path_id AND folded.fact_key = stored.fact_key
                 AND (${prefixed('folded')}) IS NOT DISTINCT FROM (${prefixed('stored')}))
     RETURNING ${CELL_FACT_COLUMNS}`,
    [[...pathIds], ...foldedValues],
  );
  const added =
    facts.length === 0
      ? []
      : await em.query<CellFact[]>(
          `INSERT INTO dashboard_fact (path_id, fact_key, ${VALUE_COLUMNS})
           ${foldedFacts(1)}
           ON CONFLICT (path_id, fact_key) DO NOTHING
           RETURNING ${CELL_FACT_COLUMNS}`,
          foldedValues,
        );
  await countIntoCells(em, removed, added);
}

/** The folded facts as rows, from seventeen arrays bound from placeholder `$first` on. */
function foldedFacts(first: number): string {
  const arrays = FOLDED_TYPES.map((type, at) => `$${first + at}::${type}[]`);
  return `SELECT * FROM unnest(${arrays.join(', ')}) AS folded (path_id, fact_key, ${VALUE_COLUMNS})`;
}

/** The value columns of `alias`, for a row comparison. */
function prefixed(alias: string): string {
  return VALUE_COLUMNS.split(',')
    .map((name) => `${alias}.${name.trim()}`)
    .join(', ');
}
