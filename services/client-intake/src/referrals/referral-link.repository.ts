import type { EntityManager } from 'typeorm';

/** A referral joined to the client's open path by its owner, as stored. */
export interface ReferralLinkRow {
  id: string;
  path_id: string;
  held_path_id: string;
  referral_id: string;
  basis: 'OWNER_ACCEPTED';
  linked_by_org_id: string;
  linked_at: Date;
}

/**
 * Records that the owner joined a held referral (and its held path) to the open path, and marks
 * the held path LINKED. From then on the open path's facts count the held path's referral and
 * consents (IntakePathFacts).
 */
export async function insertReferralLink(
  em: EntityManager,
  link: {
    readonly id: string;
    readonly pathId: string;
    readonly heldPathId: string;
    readonly referralId: string;
    readonly linkedByOrgId: string;
    readonly linkedByUser: string;
  },
): Promise<ReferralLinkRow> {
  const [row] = await em.query<ReferralLinkRow[]>(
    // linked_at from the process's clock like the event's time, not PostgreSQL's now().
    `INSERT INTO referral_link (id, path_id, held_path_id, referral_id, basis, linked_by_org_id,
       linked_by_user, linked_at)
     VALUES ($1, $2, $3, $4, 'OWNER_ACCEPTED', $5, $6, $7)
     RETURNING id, path_id, held_path_id, referral_id, basis, linked_by_org_id, linked_at`,
    [
      link.id,
      link.pathId,
      link.heldPathId,
      link.referralId,
      link.linkedByOrgId,
      link.linkedByUser,
      new Date(),
    ],
  );
  await em.query(`UPDATE client_path SET status = 'LINKED' WHERE id = $1 AND status = 'HELD'`, [
    link.heldPathId,
  ]);
  return row;
}

/** A referral held on a path of its own, apart from the client's open path. */
export interface HeldReferral {
  readonly heldPathId: string;
  readonly fromOrgId: string;
  readonly toOrgId: string;
}

/** The referral with the held path it waits on, while that path is still held. */
export async function heldReferral(
  em: EntityManager,
  referralId: string,
): Promise<HeldReferral | undefined> {
  const [row] = await em.query<{ path_id: string; from_org_id: string; to_org_id: string }[]>(
    `SELECT r.path_id, r.from_org_id, r.to_org_id
       FROM referral r JOIN client_path p ON p.id = r.path_id
      WHERE r.id = $1 AND p.status = 'HELD'`,
    [referralId],
  );
  return row && { heldPathId: row.path_id, fromOrgId: row.from_org_id, toOrgId: row.to_org_id };
}
