import type { OrgRole } from '@polku/contracts';
import type { EntityManager } from 'typeorm';

/** The parties of one version of a path's activation plan. */
export interface PlanPartiesChange {
  readonly planId: string;
  readonly pathId: string;
  /** The plan version that names these parties; an older one than already applied is ignored. */
  readonly planVersion: number;
  readonly parties: readonly { readonly orgId: string; readonly role: OrgRole }[];
  /** When this version took effect: new parties take part from then, dropped ones stop. */
  readonly at: Date;
}

interface CurrentPartyRow {
  org_id: string;
  role: OrgRole;
}

/**
 * Makes `parties` the plan's current parties, in the caller's transaction: activation-plans
 * calls it with the change itself, the gateway from the plan events. Applying the same or an
 * older version again changes nothing, so replays and late events are harmless.
 */
export async function recordPlanParties(
  em: EntityManager,
  change: PlanPartiesChange,
): Promise<void> {
  // Locks the plan's row, so two versions applied at once are applied one after the other.
  const [applied] = await em.query<{ applied: boolean }[]>(
    `INSERT INTO path_access_plan (plan_id, path_id, parties_version)
     VALUES ($1, $2, $3)
     ON CONFLICT (plan_id) DO UPDATE SET parties_version = EXCLUDED.parties_version
       WHERE path_access_plan.parties_version < EXCLUDED.parties_version
     RETURNING true AS applied`,
    [change.planId, change.pathId, change.planVersion],
  );
  if (applied === undefined) {
    return; // this version, or a newer one, is already in place
  }
  const current = await em.query<CurrentPartyRow[]>(
    `SELECT org_id, role FROM path_access_plan_party WHERE plan_id = $1 AND until IS NULL`,
    [change.planId],
  );
  const key = (party: { orgId: string; role: OrgRole }) => `${party.orgId}/${party.role}`;
  const next = new Set(change.parties.map(key));
  const now = new Set(current.map((row) => key({ orgId: row.org_id, role: row.role })));
  const dropped = current.filter((row) => !next.has(key({ orgId: row.org_id, role: row.role })));
  const added = change.parties.filter((party) => !now.has(key(party)));
  if (dropped.length > 0) {
    await em.query(
      `UPDATE path_access_plan_party SET until = $3
        WHERE plan_id = $1 AND until IS NULL AND org_id = ANY($2::uuid[])`,
      [change.planId, dropped.map((row) => row.org_id), change.at],
    );
  }
  if (added.length > 0) {
    await em.query(
      `INSERT INTO path_access_plan_party (plan_id, path_id, org_id, role, since)
       SELECT $1, $2, party.org_id, party.role, $5
         FROM unnest($3::uuid[], $4::text[]) AS party (org_id, role)
       ON CONFLICT (plan_id, org_id, since) DO NOTHING`,
      [
        change.planId,
        change.pathId,
        added.map((party) => party.orgId),
        added.map((party) => party.role),
        change.at,
      ],
    );
  }
}
