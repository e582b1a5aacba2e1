import type { EntityManager } from 'typeorm';

/**
 * The path's employment authority as transitions knows it: the activation plan's party in the
 * role EMPLOYMENT_AUTHORITY, still a party now (projected from activation-plans' events into
 * path_access_plan_party; the role comes from the organisation registry, docs/plans.md). The
 * latest to join when a revision named more than one.
 */
export async function employmentAuthorityOf(
  em: EntityManager,
  pathId: string,
): Promise<string | undefined> {
  const [row] = await em.query<{ org_id: string }[]>(
    `SELECT org_id FROM path_access_plan_party
      WHERE path_id = $1 AND role = 'EMPLOYMENT_AUTHORITY' AND until IS NULL
      ORDER BY since DESC, org_id LIMIT 1`,
    [pathId],
  );
  return row?.org_id;
}
