import type { EntityManager } from 'typeorm';
import type { StoredEvent } from './stored/stored-event';

/**
 * Holds the paths for the rest of the transaction: a consumer that folds a path sees every event
 * of it that another consumer committed, or that one waits and sees this one's. The locks are
 * taken in the order of their keys, not of the path ids: two paths can share a 32-bit key, and
 * ordering by path id could then take the same two keys crosswise in two consumers (a deadlock).
 */
export async function lockPaths(em: EntityManager, pathIds: readonly string[]): Promise<void> {
  if (pathIds.length === 0) {
    return;
  }
  await em.query(
    `SELECT pg_advisory_xact_lock(lock_key)
       FROM (SELECT DISTINCT hashtext('dashboards:' || path_id) AS lock_key
               FROM unnest($1::text[]) AS path_id
              ORDER BY lock_key) AS path_locks`,
    [[...pathIds]],
  );
}

/** Keeps the events; one already kept (a replay, a redelivery) is left as it is. */
export async function insertPathEvents(
  em: EntityManager,
  events: readonly StoredEvent[],
): Promise<void> {
  if (events.length === 0) {
    return;
  }
  await em.query(
    `INSERT INTO path_event (event_id, path_id, subject, occurred_at, org_id, data)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::uuid[],
                          $6::jsonb[])
     ON CONFLICT (event_id) DO NOTHING`,
    [
      events.map((event) => event.eventId),
      events.map((event) => event.pathId),
      events.map((event) => event.subject),
      events.map((event) => event.occurredAt),
      events.map((event) => event.orgId),
      events.map((event) => JSON.stringify(event.data)),
    ],
  );
}

interface PathEventRow {
  event_id: string;
  path_id: string;
  subject: string;
  occurred_at: Date;
  org_id: string;
  data: Record<string, unknown>;
}

/** Every kept event of the paths, by path. */
export async function loadPathEvents(
  em: EntityManager,
  pathIds: readonly string[],
): Promise<Map<string, StoredEvent[]>> {
  const rows = await em.query<PathEventRow[]>(
    `SELECT event_id, path_id, subject, occurred_at, org_id, data
       FROM path_event WHERE path_id = ANY($1::uuid[])`,
    [[...pathIds]],
  );
  const byPath = new Map<string, StoredEvent[]>();
  for (const row of rows) {
    const events = byPath.get(row.path_id) ?? [];
    events.push({
      eventId: row.event_id,
      pathId: row.path_id,
      subject: row.subject,
      occurredAt: new Date(row.occurred_at).toISOString(),
      orgId: row.org_id,
      data: row.data,
    });
    byPath.set(row.path_id, events);
  }
  return byPath;
}
