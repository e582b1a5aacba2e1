import type { DuplicateMatch, PossibleDuplicate } from '@polku/contracts';
import type { EntityManager } from 'typeorm';

/** A possible duplicate as stored: its id is the opaque `duplicateRef` the owner links by. */
export interface DuplicateCandidateRow {
  id: string;
  client_id: string;
  candidate_client_id: string;
  match: DuplicateMatch;
  status: 'OPEN' | 'LINKED';
}

/** Records possible duplicates of the client; one row per pair, however often found. */
export async function insertDuplicateCandidates(
  em: EntityManager,
  found: {
    readonly clientId: string;
    readonly candidates: readonly {
      readonly id: string;
      readonly clientId: string;
      readonly match: DuplicateMatch;
    }[];
    readonly pathId: string;
    readonly orgId: string;
    readonly userId: string;
  },
): Promise<void> {
  for (const candidate of found.candidates) {
    await em.query(
      `INSERT INTO client_duplicate_candidate (id, client_id, candidate_client_id, match,
         found_on_path_id, found_by_org_id, found_by_user)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (client_id, candidate_client_id) DO NOTHING`,
      [
        candidate.id,
        found.clientId,
        candidate.clientId,
        candidate.match,
        found.pathId,
        found.orgId,
        found.userId,
      ],
    );
  }
}

/** The client's possible duplicates not linked yet, as the path's owner sees them. */
export async function openDuplicatesOf(
  em: EntityManager,
  clientId: string,
): Promise<PossibleDuplicate[]> {
  const rows = await em.query<{ id: string; match: DuplicateMatch }[]>(
    `SELECT id, match FROM client_duplicate_candidate
      WHERE client_id = $1 AND status = 'OPEN' ORDER BY found_at, id`,
    [clientId],
  );
  return rows.map((row) => ({ duplicateRef: row.id, match: row.match }));
}

/** An open possible duplicate of this client, locked; undefined for any other id. */
export async function openDuplicateOfClientForUpdate(
  em: EntityManager,
  of: { readonly duplicateRef: string; readonly clientId: string },
): Promise<DuplicateCandidateRow | undefined> {
  const [row] = await em.query<DuplicateCandidateRow[]>(
    `SELECT id, client_id, candidate_client_id, match, status FROM client_duplicate_candidate
      WHERE id = $1 AND client_id = $2 AND status = 'OPEN' FOR UPDATE`,
    [of.duplicateRef, of.clientId],
  );
  return row;
}

export async function setDuplicateStatus(
  em: EntityManager,
  change: { readonly duplicateRef: string; readonly status: 'OPEN' | 'LINKED' },
): Promise<void> {
  await em.query('UPDATE client_duplicate_candidate SET status = $2 WHERE id = $1', [
    change.duplicateRef,
    change.status,
  ]);
}
