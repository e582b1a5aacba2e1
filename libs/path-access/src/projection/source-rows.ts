import type { DataClass } from '@polku/contracts';
import type { EntityManager } from 'typeorm';

// Set-based writers of the projection's source rows: one statement for a whole batch. Rows are
// upserted by source, so events of different subjects may arrive in any order.

/** A referral, or a transition a party proposed: a hand-off to an organisation. */
export interface HandoffRow {
  readonly handoffId: string;
  readonly pathId: string;
  readonly fromOrgId: string;
  readonly toOrgId: string;
  /** The referrer's own law; null for a transition, whose sender gains nothing by it. */
  readonly referrerBasis: string | null;
  readonly basisKind: 'CONSENT' | 'LEGAL_BASIS';
  readonly basisRef: string;
  readonly referredAt: string;
}

/** The receiver's answer to a hand-off. */
export interface HandoffDecisionRow {
  readonly handoffId: string;
  readonly pathId: string;
  readonly outcome: 'ACCEPTED' | 'DECLINED';
  readonly decidedAt: string;
}

/** A completed hand-off: from `transferredAt` on, `toOrgId` owns the path. */
export interface OwnershipRow {
  readonly eventId: string;
  readonly pathId: string;
  readonly toOrgId: string;
  readonly transferredAt: string;
}

/** A consent granted; `validFrom` and `validTo` are dates, `validTo` the last day covered. */
export interface ConsentGrantRow {
  readonly consentId: string;
  readonly pathId: string;
  readonly orgIds: readonly string[];
  readonly dataClasses: readonly DataClass[];
  readonly validFrom: string;
  readonly validTo: string | null;
  /** What the consent is for (ConsentGranted.purpose). */
  readonly purposes: readonly string[];
}

/** A consent withdrawn, effective at `withdrawnAt`. */
export interface ConsentWithdrawalRow {
  readonly consentId: string;
  readonly pathId: string;
  readonly withdrawnAt: string;
}

/**
 * One statement cannot update a row twice, so of several rows for one source the last (in
 * stream order) is kept: the same result as applying them one after another.
 */
function lastPerKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  return [...new Map(rows.map((row) => [key(row), row])).values()];
}

/** Upserts referrals and proposed transitions by their id. */
export async function upsertHandoffs(em: EntityManager, all: readonly HandoffRow[]): Promise<void> {
  const rows = lastPerKey(all, (row) => row.handoffId);
  await em.query(
    `INSERT INTO path_access_referral (referral_id, path_id, from_org_id, to_org_id,
       referrer_basis, basis_kind, basis_ref, referred_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[],
       $6::text[], $7::text[], $8::timestamptz[])
     ON CONFLICT (referral_id) DO UPDATE SET
       from_org_id = EXCLUDED.from_org_id, to_org_id = EXCLUDED.to_org_id,
       referrer_basis = EXCLUDED.referrer_basis, basis_kind = EXCLUDED.basis_kind,
       basis_ref = EXCLUDED.basis_ref, referred_at = EXCLUDED.referred_at`,
    [
      rows.map((row) => row.handoffId),
      rows.map((row) => row.pathId),
      rows.map((row) => row.fromOrgId),
      rows.map((row) => row.toOrgId),
      rows.map((row) => row.referrerBasis),
      rows.map((row) => row.basisKind),
      rows.map((row) => row.basisRef),
      rows.map((row) => row.referredAt),
    ],
  );
}

/** Upserts the answers to hand-offs by the hand-off's id (a row may come before its hand-off). */
export async function upsertHandoffDecisions(
  em: EntityManager,
  all: readonly HandoffDecisionRow[],
): Promise<void> {
  const rows = lastPerKey(all, (row) => row.handoffId);
  await em.query(
    `INSERT INTO path_access_referral (referral_id, path_id, outcome, decided_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])
     ON CONFLICT (referral_id) DO UPDATE SET
       outcome = EXCLUDED.outcome, decided_at = EXCLUDED.decided_at`,
    [
      rows.map((row) => row.handoffId),
      rows.map((row) => row.pathId),
      rows.map((row) => row.outcome),
      rows.map((row) => row.decidedAt),
    ],
  );
}

/** Inserts completed hand-offs, one row per event, so replays change nothing. */
export async function insertOwnershipTransfers(
  em: EntityManager,
  rows: readonly OwnershipRow[],
): Promise<void> {
  await em.query(
    `INSERT INTO path_access_ownership (event_id, path_id, to_org_id, transferred_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[])
     ON CONFLICT (event_id) DO NOTHING`,
    [
      rows.map((row) => row.eventId),
      rows.map((row) => row.pathId),
      rows.map((row) => row.toOrgId),
      rows.map((row) => row.transferredAt),
    ],
  );
}

/** Upserts granted consents by consent id (a withdrawal may have arrived first). */
export async function upsertConsentGrants(
  em: EntityManager,
  all: readonly ConsentGrantRow[],
): Promise<void> {
  const rows = lastPerKey(all, (row) => row.consentId);
  // Arrays of arrays do not unnest row by row, so the lists travel as JSON. validTo is the last
  // day the consent covers: it ends at the start of the next day.
  await em.query(
    `INSERT INTO path_access_consent
       (consent_id, path_id, org_ids, data_classes, valid_from, valid_to, purposes)
     SELECT c.consent_id, c.path_id,
            ARRAY(SELECT e::uuid FROM jsonb_array_elements_text(c.org_ids)
                    WITH ORDINALITY AS o (e, n) ORDER BY n),
            ARRAY(SELECT e FROM jsonb_array_elements_text(c.data_classes)
                    WITH ORDINALITY AS d (e, n) ORDER BY n),
            c.valid_from::date, (c.valid_to::date + 1)::timestamptz,
            ARRAY(SELECT e FROM jsonb_array_elements_text(c.purposes)
                    WITH ORDINALITY AS p (e, n) ORDER BY n)
       FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[], $4::jsonb[], $5::text[], $6::text[],
                   $7::jsonb[])
         AS c (consent_id, path_id, org_ids, data_classes, valid_from, valid_to, purposes)
     ON CONFLICT (consent_id) DO UPDATE SET
       org_ids = EXCLUDED.org_ids, data_classes = EXCLUDED.data_classes,
       valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
       purposes = EXCLUDED.purposes`,
    [
      rows.map((row) => row.consentId),
      rows.map((row) => row.pathId),
      rows.map((row) => JSON.stringify(row.orgIds)),
      rows.map((row) => JSON.stringify(row.dataClasses)),
      rows.map((row) => row.validFrom),
      rows.map((row) => row.validTo),
      rows.map((row) => JSON.stringify(row.purposes)),
    ],
  );
}

/**
 * Upserts consent withdrawals by consent id (the grant may arrive later). A withdrawal is never
 * undone and the earliest instant wins, so the gateway's own write at the withdrawal's answer
 * and the later ConsentWithdrawn event agree in whichever order they come (docs/auth.md).
 */
export async function upsertConsentWithdrawals(
  em: EntityManager,
  all: readonly ConsentWithdrawalRow[],
): Promise<void> {
  const rows = lastPerKey(all, (row) => row.consentId);
  await em.query(
    `INSERT INTO path_access_consent (consent_id, path_id, withdrawn_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])
     ON CONFLICT (consent_id) DO UPDATE SET withdrawn_at =
       LEAST(COALESCE(path_access_consent.withdrawn_at, EXCLUDED.withdrawn_at),
             EXCLUDED.withdrawn_at)`,
    [
      rows.map((row) => row.consentId),
      rows.map((row) => row.pathId),
      rows.map((row) => row.withdrawnAt),
    ],
  );
}

/** A held path joined to the client's open path by its owner (ReferralLinked). */
export interface ReferralLinkRow {
  readonly heldPathId: string;
  readonly pathId: string;
  readonly referralId: string;
  readonly basis: string;
  readonly linkedAt: string;
}

/** Inserts links by held path; a held path is linked once, so a replay changes nothing. */
export async function insertReferralLinks(
  em: EntityManager,
  all: readonly ReferralLinkRow[],
): Promise<void> {
  const rows = lastPerKey(all, (row) => row.heldPathId);
  await em.query(
    `INSERT INTO path_access_link (held_path_id, path_id, referral_id, basis, linked_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[])
     ON CONFLICT (held_path_id) DO NOTHING`,
    [
      rows.map((row) => row.heldPathId),
      rows.map((row) => row.pathId),
      rows.map((row) => row.referralId),
      rows.map((row) => row.basis),
      rows.map((row) => row.linkedAt),
    ],
  );
}
