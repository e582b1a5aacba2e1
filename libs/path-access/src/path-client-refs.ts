import { NotFoundError } from '@polku/service-runtime';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Remembers the pseudonymous client reference of a path, from its ClientReferred event: every
 * event a service writes carries it in the envelope, and commands do not. A path keeps its
 * client, so a later referral of the same path changes nothing. Needs the `path_client_ref`
 * table (PathClientRefTable1764100300000, or the same table of an older migration).
 */
export async function recordPathClientRef(
  em: EntityManager,
  pathId: string,
  clientRef: string,
): Promise<void> {
  await em.query(
    `INSERT INTO path_client_ref (path_id, client_ref) VALUES ($1, $2)
     ON CONFLICT (path_id) DO NOTHING`,
    [pathId, clientRef],
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
