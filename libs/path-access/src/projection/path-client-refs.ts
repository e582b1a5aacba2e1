import { NotFoundError } from '@polku/service-runtime';
import type { DataSource, EntityManager } from 'typeorm';

/** The pseudonymous client reference of a path, as a ClientReferred event's envelope names it. */
export interface PathClientRef {
  readonly pathId: string;
  readonly clientRef: string;
}

/**
 * Remembers the pseudonymous client reference of paths, from their ClientReferred events, with
 * one statement: every event a service writes carries it in the envelope, and commands do not.
 * A path keeps its client, so a later referral of the same path changes nothing. Needs the
 * `path_client_ref` table (PathClientRefTable1764100300000, or the same table of an older
 * migration).
 */
export async function recordPathClientRefs(
  em: EntityManager,
  refs: readonly PathClientRef[],
): Promise<void> {
  await em.query(
    `INSERT INTO path_client_ref (path_id, client_ref)
     SELECT * FROM unnest($1::uuid[], $2::text[])
     ON CONFLICT (path_id) DO NOTHING`,
    [refs.map((ref) => ref.pathId), refs.map((ref) => ref.clientRef)],
  );
}

/** The client reference of a path; a path this service has not heard of is not found. */
export async function clientRefOfPath(
  runner: EntityManager | DataSource,
  pathId: string,
): Promise<string> {
  const [row] = await runner.query<{ client_ref: string }[]>(
    'SELECT client_ref FROM path_client_ref WHERE path_id = $1',
    [pathId],
  );
  if (row === undefined) {
    throw new NotFoundError('no such path');
  }
  return row.client_ref;
}
