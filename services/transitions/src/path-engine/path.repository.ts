import type { AccessBasis } from '@polku/path-access';
import type { DataSource, EntityManager } from 'typeorm';
import type { PathState } from '../path';
import { basisColumns, basisFromColumns, type BasisKind } from './path-basis';

// SQL of path_course only. The PathState is stored whole in `data`; the columns beside it are
// copies for queries, written from it on every save so they never disagree.

type Runner = EntityManager | DataSource;

/** A path as stored: its state and the basis its timer events carry. */
export interface StoredPath {
  readonly state: PathState;
  readonly basis: AccessBasis;
}

interface PathRow {
  data: PathState;
  basis_kind: BasisKind;
  basis_ref: string;
}

const OPEN = `state NOT IN ('CLOSED', 'REENTERED')`;

function columnsOf(state: PathState): unknown[] {
  return [
    state.pathId,
    state.state,
    state.accountable?.orgId ?? null,
    state.accountable?.workerId ?? null,
    state.nextStep?.kind ?? null,
    state.nextStep?.dueDate ?? null,
    state.nextStep?.level ?? null,
    JSON.stringify(state),
    state.version,
  ];
}

/** The path, locked until the transaction ends, so decisions on one path run one at a time. */
export async function lockPath(em: EntityManager, pathId: string): Promise<StoredPath | undefined> {
  const [row] = await em.query<PathRow[]>(
    'SELECT data, basis_kind, basis_ref FROM path_course WHERE path_id = $1 FOR UPDATE',
    [pathId],
  );
  return row === undefined
    ? undefined
    : { state: row.data, basis: basisFromColumns(row.basis_kind, row.basis_ref) };
}

export async function insertPath(
  em: EntityManager,
  { state, basis }: { readonly state: PathState; readonly basis: AccessBasis },
): Promise<void> {
  const { kind, ref } = basisColumns(basis);
  // Two first referrals of one path on two replicas: the second insert fails and its event is
  // delivered again, to find the path this one created.
  await em.query(
    `INSERT INTO path_course (path_id, state, accountable_org_id, worker_id, next_step_kind,
       next_step_due, next_step_level, data, version, basis_kind, basis_ref)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [...columnsOf(state), kind, ref],
  );
}

/** Saves the next state of a locked path; `previousVersion` guards against a lost update. */
export async function updatePath(
  em: EntityManager,
  { state, previousVersion }: { readonly state: PathState; readonly previousVersion: number },
): Promise<void> {
  const [, updated] = await em.query<[unknown[], number]>(
    `UPDATE path_course SET state = $2, accountable_org_id = $3, worker_id = $4,
       next_step_kind = $5, next_step_due = $6, next_step_level = $7, data = $8, version = $9,
       updated_at = now()
     WHERE path_id = $1 AND version = $10`,
    [...columnsOf(state), previousVersion],
  );
  if (updated !== 1) {
    throw new Error(`path ${state.pathId} changed under its lock (version ${previousVersion})`);
  }
}

export async function readPath(runner: Runner, pathId: string): Promise<PathState | undefined> {
  const [row] = await runner.query<{ data: PathState }[]>(
    'SELECT data FROM path_course WHERE path_id = $1',
    [pathId],
  );
  return row?.data;
}

/** The open paths an organisation is accountable for, in a fixed order (locks are taken so). */
export async function openPathIdsOf(em: EntityManager, orgId: string): Promise<string[]> {
  const rows = await em.query<{ path_id: string }[]>(
    `SELECT path_id FROM path_course WHERE accountable_org_id = $1 AND ${OPEN} ORDER BY path_id`,
    [orgId],
  );
  return rows.map((row) => row.path_id);
}

// What makes a path lost (path/lost-paths.ts lostReasons, the machine's rule) as SQL over the
// columns path_course keeps beside its data: no owner, no next step, a step at the manager's rung,
// a missed follow-up. Only open paths can be lost.
const LOST = `${OPEN}
  AND (accountable_org_id IS NULL OR worker_id IS NULL OR next_step_kind IS NULL
       OR next_step_level = 'MANAGER'
       OR data->'followUps' @> '[{"status": "MISSED"}]'::jsonb)`;

// An organisation's lost paths: those it is accountable for, and those whose hand-off to it went
// unanswered up to the manager's rung (its managers were escalated to as well, HandoffEscalated).
const OF_ORGANISATION = `(accountable_org_id = $1
  OR (next_step_kind = 'AWAIT_HANDOFF_ANSWER' AND next_step_level = 'MANAGER'
      AND (data->'pendingHandoff'->>'receivingOrgId')::uuid = $1))`;

/**
 * Every open lost path, of all organisations (the metric). Paths with no owner belong to no
 * organisation's view: only the metric counts them.
 */
export async function lostPathCandidates(runner: Runner): Promise<PathState[]> {
  const rows = await runner.query<{ data: PathState }[]>(
    `SELECT data FROM path_course WHERE ${LOST} ORDER BY path_id`,
  );
  return rows.map((row) => row.data);
}

/**
 * One keyset page of an organisation's lost paths, by path id (the uuid, whatever the case its
 * text was written in), `limit` rows after `afterPathId`; and how many there are in all.
 */
export async function lostPathsPage(
  runner: Runner,
  options: { readonly orgId: string; readonly afterPathId?: string; readonly limit: number },
): Promise<{ readonly rows: { pathId: string; state: PathState }[]; readonly count: number }> {
  const rows = await runner.query<{ path_id: string; data: PathState }[]>(
    `SELECT path_id::text AS path_id, data FROM path_course
      WHERE ${LOST} AND ${OF_ORGANISATION} AND ($2::uuid IS NULL OR path_id > $2::uuid)
      ORDER BY path_id LIMIT $3`,
    [options.orgId, options.afterPathId ?? null, options.limit],
  );
  const [{ count }] = await runner.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM path_course WHERE ${LOST} AND ${OF_ORGANISATION}`,
    [options.orgId],
  );
  return { rows: rows.map((row) => ({ pathId: row.path_id, state: row.data })), count };
}
