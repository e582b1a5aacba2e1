import type { ReferralRow } from './referral.repository';

/** A referral as the API shows it. */
export function referralView(row: ReferralRow) {
  return {
    referralId: row.id,
    pathId: row.path_id,
    fromOrgId: row.from_org_id,
    toOrgId: row.to_org_id,
    requestedMeasure: row.requested_measure,
    reasonCategory: row.reason_category,
    desiredStart: row.desired_start,
    status: row.status,
    expectedStart: row.expected_start,
    declineReason: row.decline_reason,
    alternativeSuggested: row.alternative_suggested,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}
