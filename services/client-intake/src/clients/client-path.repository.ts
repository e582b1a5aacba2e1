import type { EntityManager } from 'typeorm';

export interface OpenPathRow {
  id: string;
  loop_count: number;
  /** Who opened it; ownership then follows completed hand-offs (IntakePathFacts). */
  owner_org_id: string;
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
    `SELECT id, loop_count, owner_org_id FROM client_path WHERE client_id = $1 AND status = 'OPEN'`,
    [clientId],
  );
  return open;
}

/** The path the organisation's earlier referral of the client is held on, if any. */
export async function heldPathOfClientBy(
  em: EntityManager,
  held: { readonly clientId: string; readonly ownerOrgId: string },
): Promise<OpenPathRow | undefined> {
  const [row] = await em.query<OpenPathRow[]>(
    `SELECT id, loop_count, owner_org_id FROM client_path
      WHERE client_id = $1 AND owner_org_id = $2 AND status = 'HELD'
      ORDER BY opened_at LIMIT 1`,
    [held.clientId, held.ownerOrgId],
  );
  return row;
}

/**
 * The client's most recently ended path, with whole months since it ended. "Since" counts to
 * the process's clock, as exited_at came from an event's time, never to PostgreSQL's now()
 * (docs/adr/0018-simulated-clock-for-demo-data.md).
 */
export async function lastExitedPathOfClient(
  em: EntityManager,
  clientId: string,
): Promise<ExitedPathRow | undefined> {
  const [previous] = await em.query<ExitedPathRow[]>(
    `SELECT id, loop_count,
            (extract(year FROM age($2::timestamptz, exited_at)) * 12
              + extract(month FROM age($2::timestamptz, exited_at)))::int AS months_since_exit
       FROM client_path WHERE client_id = $1 AND status = 'EXITED'
      ORDER BY exited_at DESC LIMIT 1`,
    [clientId, new Date()],
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
    /** HELD: the client's open path belongs to another organisation (docs/auth.md). */
    readonly status?: 'OPEN' | 'HELD';
  },
): Promise<void> {
  await em.query(
    `INSERT INTO client_path (id, client_id, owner_org_id, status, previous_path_id, loop_count)
     VALUES ($1, $2, $3, $6, $4, $5)`,
    [
      path.id,
      path.clientId,
      path.ownerOrgId,
      path.previousPathId,
      path.loopCount,
      path.status ?? 'OPEN',
    ],
  );
}

/** Ends the path if it is still open (or held); an ended path stays as it was. */
export async function markPathExited(
  em: EntityManager,
  exit: { readonly pathId: string; readonly exitedAt: Date | string },
): Promise<void> {
  await em.query(
    `UPDATE client_path SET status = 'EXITED', exited_at = $2
        WHERE id = $1 AND status IN ('OPEN', 'HELD')`,
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
