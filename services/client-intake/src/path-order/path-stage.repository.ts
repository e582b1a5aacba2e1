import type { EntityManager } from 'typeorm';
import type { PathStage } from './path-stage';

/**
 * The path's stage, read under a lock on its `client_path` row: every command whose event moves
 * the path (a referral joining it, an answer, the intake) takes this lock first, so two of them
 * on one path decide one after the other, each on what the other wrote. Undefined for a path
 * client-intake does not know.
 */
export async function lockedPathStage(
  em: EntityManager,
  pathId: string,
): Promise<PathStage | undefined> {
  const [path] = await em.query<{ status: string }[]>(
    'SELECT status FROM client_path WHERE id = $1 FOR UPDATE',
    [pathId],
  );
  if (path === undefined) {
    return undefined;
  }
  // A declined hand-off is not counted: the path stays with its sender.
  // One after another: in a transaction they share one connection.
  const [latest] = await em.query<
    { id: string; to_org_id: string; status: 'PENDING' | 'ACCEPTED' | 'DECLINED' }[]
  >(
    `SELECT id, to_org_id, status FROM referral WHERE path_id = $1
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [pathId],
  );
  const [counts] = await em.query<
    { intakes: number; handoffs_proposed: number; handoffs_completed: number }[]
  >(
    `SELECT (SELECT count(*) FROM intake_assessment WHERE path_id = $1)::int AS intakes,
            (SELECT count(*) FROM path_access_referral
              WHERE path_id = $1 AND outcome IS DISTINCT FROM 'DECLINED')::int AS handoffs_proposed,
            (SELECT count(*) FROM path_access_ownership WHERE path_id = $1)::int
              AS handoffs_completed`,
    [pathId],
  );
  return {
    exited: path.status === 'EXITED',
    latestReferral: latest
      ? { id: latest.id, toOrgId: latest.to_org_id, status: latest.status }
      : null,
    intakeRecorded: counts.intakes > 0,
    handoffsProposed: counts.handoffs_proposed,
    handoffsCompleted: counts.handoffs_completed,
  };
}
