import type { EntityManager } from 'typeorm';

/** A link between two client records as stored: the unverified one points to the verified one. */
export interface ClientLinkRow {
  id: string;
  duplicate_candidate_id: string;
  unverified_client_id: string;
  verified_client_id: string;
  made_on_path_id: string;
}

export async function insertClientLink(
  em: EntityManager,
  link: {
    readonly id: string;
    readonly duplicateRef: string;
    readonly unverifiedClientId: string;
    readonly verifiedClientId: string;
    readonly pathId: string;
    readonly orgId: string;
    readonly userId: string;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO client_link (id, duplicate_candidate_id, unverified_client_id,
       verified_client_id, made_on_path_id, linked_by_org_id, linked_by_user)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      link.id,
      link.duplicateRef,
      link.unverifiedClientId,
      link.verifiedClientId,
      link.pathId,
      link.orgId,
      link.userId,
    ],
  );
}

/** A link in force made on this path, locked; undefined for any other id. */
export async function linkInForceMadeOnPathForUpdate(
  em: EntityManager,
  of: { readonly linkId: string; readonly pathId: string },
): Promise<ClientLinkRow | undefined> {
  const [row] = await em.query<ClientLinkRow[]>(
    `SELECT id, duplicate_candidate_id, unverified_client_id, verified_client_id, made_on_path_id
       FROM client_link
      WHERE id = $1 AND made_on_path_id = $2 AND unlinked_at IS NULL FOR UPDATE`,
    [of.linkId, of.pathId],
  );
  return row;
}

/** Removes the link; the row stays, with who removed it and when. */
export async function markLinkRemoved(
  em: EntityManager,
  removal: { readonly linkId: string; readonly orgId: string; readonly userId: string },
): Promise<void> {
  await em.query(
    `UPDATE client_link SET unlinked_at = clock_timestamp(), unlinked_by_org_id = $2,
            unlinked_by_user = $3
      WHERE id = $1`,
    [removal.linkId, removal.orgId, removal.userId],
  );
}
