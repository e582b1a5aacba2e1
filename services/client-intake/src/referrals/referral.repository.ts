import type { CreateReferralCommand, CursorPosition } from '@polku/contracts';
import { keysetAfter, keysetTimestampSql } from '@polku/persistence';
import type { EntityManager } from 'typeorm';

export interface ReferralRow {
  id: string;
  path_id: string;
  from_org_id: string;
  to_org_id: string;
  requested_measure: string;
  reason_category: string;
  desired_start: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  expected_start: string | null;
  decline_reason: string | null;
  alternative_suggested: string | null;
  version: number;
  created_at: Date;
  decided_at: Date | null;
}

const REFERRAL_COLUMNS = `id, path_id, from_org_id, to_org_id, requested_measure, reason_category,
  to_char(desired_start, 'YYYY-MM-DD') AS desired_start, status,
  to_char(expected_start, 'YYYY-MM-DD') AS expected_start, decline_reason,
  alternative_suggested, version, created_at, decided_at`;

// Times are written from the process's clock (new Date()), never PostgreSQL's now(): the
// referral's created_at and decided_at bound its organisations' access to the path, which is
// checked against new Date(), and the demo's simulated clock moves only the former
// (docs/adr/0018-simulated-clock-for-demo-data.md).

/** A new, pending referral; `consentId` names the consent it carries, if any. */
export async function insertPendingReferral(
  em: EntityManager,
  referral: {
    readonly id: string;
    readonly pathId: string;
    readonly fromOrgId: string;
    readonly command: CreateReferralCommand;
    readonly legalBasis: string;
    readonly consentId: string | null;
  },
): Promise<void> {
  const { command } = referral;
  await em.query(
    `INSERT INTO referral (id, path_id, from_org_id, to_org_id, requested_measure,
       reason_category, funding_ref, desired_start, legal_basis, consent_id, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'PENDING', $11)`,
    [
      referral.id,
      referral.pathId,
      referral.fromOrgId,
      command.toOrgId,
      command.requestedMeasure,
      command.reasonCategory,
      { kind: command.fundingRef.kind, reference: command.fundingRef.reference },
      command.desiredStart,
      referral.legalBasis,
      referral.consentId,
      new Date(),
    ],
  );
}

export async function referralOfPathForUpdate(
  em: EntityManager,
  referral: { readonly pathId: string; readonly referralId: string },
): Promise<ReferralRow | undefined> {
  const [row] = await em.query<ReferralRow[]>(
    `SELECT ${REFERRAL_COLUMNS} FROM referral WHERE id = $1 AND path_id = $2 FOR UPDATE`,
    [referral.referralId, referral.pathId],
  );
  return row;
}

export async function markReferralAccepted(
  em: EntityManager,
  acceptance: { readonly referralId: string; readonly expectedStart: string },
): Promise<ReferralRow> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [[updated]] = await em.query<[ReferralRow[], number]>(
    `UPDATE referral SET status = 'ACCEPTED', expected_start = $2, decided_at = $3,
       version = version + 1
     WHERE id = $1 RETURNING ${REFERRAL_COLUMNS}`,
    [acceptance.referralId, acceptance.expectedStart, new Date()],
  );
  return updated;
}

export async function markReferralDeclined(
  em: EntityManager,
  decline: {
    readonly referralId: string;
    readonly reasonCategory: string;
    readonly alternativeSuggested: string | null;
  },
): Promise<ReferralRow> {
  const [[updated]] = await em.query<[ReferralRow[], number]>(
    `UPDATE referral SET status = 'DECLINED', decline_reason = $2,
       alternative_suggested = $3, decided_at = $4, version = version + 1
     WHERE id = $1 RETURNING ${REFERRAL_COLUMNS}`,
    [decline.referralId, decline.reasonCategory, decline.alternativeSuggested, new Date()],
  );
  return updated;
}

/** The ordering of a path's referrals, oldest first; a cursor of another list is refused. */
export const REFERRALS_SORT = 'referrals-oldest-first';

/**
 * One page of a path's referrals, oldest first by (created_at, id): limit + 1 rows, with the
 * sort key each row's cursor carries.
 */
export async function referralPageOfPath(
  em: EntityManager,
  query: { readonly pathId: string; readonly limit: number; readonly after?: CursorPosition },
): Promise<(ReferralRow & { sort_key: string })[]> {
  const after = keysetAfter(query.after, { keys: ['timestamp'], id: 'uuid' });
  return em.query<(ReferralRow & { sort_key: string })[]>(
    `SELECT ${REFERRAL_COLUMNS}, ${keysetTimestampSql('created_at')} AS sort_key
       FROM referral
      WHERE path_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) > ($2, $3::uuid))
      ORDER BY created_at, id LIMIT $4`,
    [query.pathId, after?.keyParts[0] ?? null, after?.id ?? null, query.limit + 1],
  );
}
