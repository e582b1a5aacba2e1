import type { EntityManager } from 'typeorm';

export interface ParallelServiceReferralRow {
  id: string;
  service: string;
  to_org_id: string | null;
  created_at: Date;
}

export async function insertParallelServiceReferral(
  em: EntityManager,
  referral: {
    readonly id: string;
    readonly pathId: string;
    readonly service: string;
    readonly toOrgId: string | null;
    readonly referredByOrgId: string;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO parallel_service_referral (id, path_id, service, to_org_id,
       referred_by_org_id) VALUES ($1, $2, $3, $4, $5)`,
    [referral.id, referral.pathId, referral.service, referral.toOrgId, referral.referredByOrgId],
  );
}

export async function parallelServiceReferralsOfPath(
  em: EntityManager,
  pathId: string,
): Promise<ParallelServiceReferralRow[]> {
  return em.query<ParallelServiceReferralRow[]>(
    `SELECT id, service, to_org_id, created_at FROM parallel_service_referral
      WHERE path_id = $1 ORDER BY created_at, id`,
    [pathId],
  );
}
