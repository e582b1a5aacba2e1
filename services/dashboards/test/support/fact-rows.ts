import type { DataSource } from 'typeorm';
import type { MarkedFactRow } from '../../src/projection/facts/client-marks';
import { factsOf } from '../../src/projection/facts/facts-of';
import { foldPath } from '../../src/projection/fold/fold-path';
import { storedEventsOf } from '../../src/projection/stored/stored-event';
import type { SealedEvent } from '@polku/testing';

const byPathAndKey = (a: MarkedFactRow, b: MarkedFactRow): number =>
  a.pathId === b.pathId
    ? a.factKey < b.factKey
      ? -1
      : a.factKey > b.factKey
        ? 1
        : 0
    : a.pathId < b.pathId
      ? -1
      : 1;

/** The dashboard_fact rows of the paths, as the projection's type, by path and key. */
export async function factRowsOf(
  dataSource: DataSource,
  pathIds: readonly string[],
): Promise<MarkedFactRow[]> {
  const rows = await dataSource.query<MarkedFactRow[]>(
    `SELECT path_id AS "pathId", fact_key AS "factKey", kind,
            to_char(fact_date, 'YYYY-MM-DD') AS "factDate", org_id AS "orgId", municipality,
            age_band AS "ageBand", measure_type AS "measureType", category, detail, days,
            to_char(due_date, 'YYYY-MM-DD') AS "dueDate", solo_in_category AS "soloInCategory",
            solo_in_kind AS "soloInKind", to_char(prev_in_row, 'YYYY-MM-DD') AS "prevInRow",
            to_char(prev_in_group, 'YYYY-MM-DD') AS "prevInGroup",
            to_char(prev_in_kind, 'YYYY-MM-DD') AS "prevInKind"
       FROM dashboard_fact WHERE path_id = ANY($1::uuid[])`,
    [[...pathIds]],
  );
  return rows.sort(byPathAndKey);
}

/** Every path_event row of the paths, by event id. */
export async function pathEventsOf(
  dataSource: DataSource,
  pathIds: readonly string[],
): Promise<unknown[]> {
  return dataSource.query(
    `SELECT event_id, path_id, subject, occurred_at, org_id, data
       FROM path_event WHERE path_id = ANY($1::uuid[]) ORDER BY event_id`,
    [[...pathIds]],
  );
}

/** The facts the pure fold makes of the events, for the paths: what the tables must hold. */
export function expectedFacts(
  events: readonly SealedEvent[],
  pathIds: readonly string[],
): MarkedFactRow[] {
  const stored = events.flatMap(({ envelope }) => storedEventsOf(envelope));
  return pathIds
    .flatMap((pathId) =>
      factsOf(
        foldPath(
          pathId,
          stored.filter((event) => event.pathId === pathId),
        ),
      ),
    )
    .sort(byPathAndKey);
}
