import type { EntityManager } from 'typeorm';

export interface OpenPathRow {
  id: string;
  loop_count: number;
}

export interface ExitedPathRow {
  id: string;
  loop_count: number;
  months_since_exit: number;
}

export async function openPathOfClient(
  em: EntityManager,
  clientId: string,
): Promise<OpenPathRow | undefined> {
  const [open] = await em.query<OpenPathRow[]>(
    `SELECT id, loop_count FROM client_path WHERE client_id = $1 AND status = 'OPEN'`,
    [clientId],
  );
  return open;
}

/** The client's most recently ended path, with whole months since it ended. */
export async function lastExitedPathOfClient(
  em: EntityManager,
  clientId: string,
): Promise<ExitedPathRow | undefined> {
  const [previous] = await em.query<ExitedPathRow[]>(
    `SELECT id, loop_count,
            (extract(year FROM age(now(), exited_at)) * 12
              + extract(month FROM age(now(), exited_at)))::int AS months_since_exit
       FROM client_path WHERE client_id = $1 AND status = 'EXITED'
      ORDER BY exited_at DESC LIMIT 1`,
    [clientId],
  );
  return previous;
}

export async function insertOpenPath(
  em: EntityManager,
  path: {
    readonly id: string;
    readonly clientId: string;
    readonly ownerOrgId: string;
    readonly previousPathId: string | null;
    readonly loopCount: number;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO client_path (id, client_id, owner_org_id, status, previous_path_id, loop_count)
     VALUES ($1, $2, $3, 'OPEN', $4, $5)`,
    [path.id, path.clientId, path.ownerOrgId, path.previousPathId, path.loopCount],
  );
}

/** Ends the path if it is still open; an ended path stays as it was. */
export async function markPathExited(
  em: EntityManager,
  exit: { readonly pathId: string; readonly exitedAt: Date | string },
): Promise<void> {
  await em.query(
    `UPDATE client_path SET status = 'EXITED', exited_at = $2
        WHERE id = $1 AND status = 'OPEN'`,
    [exit.pathId, exit.exitedAt],
  );
}

/** The client of a path: the `clientRef` every event on the path carries. */
export async function clientRefOfPath(em: EntityManager, pathId: string): Promise<string> {
  const [row] = await em.query<{ client_id: string }[]>(
    'SELECT client_id FROM client_path WHERE id = $1',
    [pathId],
  );
  return row.client_id;
}
