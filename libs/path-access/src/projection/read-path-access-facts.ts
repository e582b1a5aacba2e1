import type { DataClass, OrgRole } from '@polku/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { MeetingParticipantAccessSource } from '../policy/meeting-participant-sources';
import type { PathAccessFacts } from '../policy/path-access-policy';
import {
  pathAccessFactsFrom,
  type ConsentAccessSource,
  type PlanPartyAccessSource,
  type ReferralAccessSource,
} from '../policy/path-access-sources';

interface ReferralRow {
  from_org_id: string | null;
  to_org_id: string | null;
  referrer_basis: string | null;
  basis_kind: 'CONSENT' | 'LEGAL_BASIS' | null;
  basis_ref: string | null;
  referred_at: Date | null;
  outcome: 'ACCEPTED' | 'DECLINED' | null;
  decided_at: Date | null;
  /** The referral is of a held path linked to this one. */
  linked: boolean;
}

interface ConsentRow {
  consent_id: string;
  org_ids: string[] | null;
  data_classes: DataClass[] | null;
  valid_from: Date | null;
  valid_to: Date | null;
  withdrawn_at: Date | null;
}

interface PlanPartyRow {
  org_id: string;
  role: OrgRole;
  since: Date;
  until: Date | null;
}

interface MeetingRow {
  meeting_id: string;
  org_ids: string[] | null;
  starts_at: Date | null;
  ends_at: Date | null;
  ended_at: Date | null;
}

const basisOf = (kind: 'CONSENT' | 'LEGAL_BASIS', ref: string) =>
  kind === 'CONSENT'
    ? ({ kind: 'CONSENT', consentId: ref } as const)
    : ({ kind: 'LEGAL_BASIS', code: ref } as const);

/**
 * The path and the held paths its owner linked to it (ReferralLinked): their referrals and
 * consents count for the path, as client-intake counts them (docs/auth.md).
 */
const PATH_AND_LINKED = `(SELECT $1::uuid UNION SELECT held_path_id FROM path_access_link WHERE path_id = $1)`;

/**
 * The access facts of one path from the projection tables, or undefined when no complete
 * referral of it is known. Pass the transaction's EntityManager to read what it has written.
 */
export async function readPathAccessFacts(
  runner: DataSource | EntityManager,
  pathId: string,
): Promise<PathAccessFacts | undefined> {
  // One after another: inside a transaction they all share one connection, and pg does not
  // queue concurrent queries on a client (it warns now and will refuse in pg 9).
  const referrals = await runner.query<ReferralRow[]>(
    `SELECT from_org_id, to_org_id, referrer_basis, basis_kind, basis_ref, referred_at,
            outcome, decided_at, path_id IS DISTINCT FROM $1::uuid AS linked
       FROM path_access_referral WHERE path_id IN ${PATH_AND_LINKED}`,
    [pathId],
  );
  const consents = await runner.query<ConsentRow[]>(
    `SELECT consent_id, org_ids, data_classes, valid_from, valid_to, withdrawn_at
       FROM path_access_consent WHERE path_id IN ${PATH_AND_LINKED}`,
    [pathId],
  );
  const planParties = await runner.query<PlanPartyRow[]>(
    `SELECT org_id, role, since, until FROM path_access_plan_party WHERE path_id = $1`,
    [pathId],
  );
  const transfers = await runner.query<{ to_org_id: string; transferred_at: Date }[]>(
    `SELECT to_org_id, transferred_at FROM path_access_ownership WHERE path_id = $1`,
    [pathId],
  );
  const meetings = await runner.query<MeetingRow[]>(
    `SELECT meeting_id, org_ids, starts_at, ends_at, ended_at
       FROM path_access_meeting WHERE path_id = $1`,
    [pathId],
  );
  return pathAccessFactsFrom(
    pathId,
    referrals.map((row): ReferralAccessSource => ({
      fromOrgId: row.from_org_id,
      toOrgId: row.to_org_id,
      referrerBasis:
        row.referrer_basis === null ? null : basisOf('LEGAL_BASIS', row.referrer_basis),
      // Only a referral's row names its sender's own law; a transition's leaves it empty.
      isReferral: row.referrer_basis !== null,
      receiverBasis:
        row.basis_kind === null || row.basis_ref === null
          ? null
          : basisOf(row.basis_kind, row.basis_ref),
      referredAt: row.referred_at,
      outcome: row.outcome,
      decidedAt: row.decided_at,
      linkedFromHeldPath: row.linked,
    })),
    consents.map((row): ConsentAccessSource => ({
      consentId: row.consent_id,
      orgIds: row.org_ids,
      dataClasses: row.data_classes,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      withdrawnAt: row.withdrawn_at,
    })),
    planParties.map((row): PlanPartyAccessSource => ({
      orgId: row.org_id,
      role: row.role,
      since: row.since,
      until: row.until,
    })),
    transfers.map((row) => ({ toOrgId: row.to_org_id, at: row.transferred_at })),
    meetings.map((row): MeetingParticipantAccessSource => ({
      meetingId: row.meeting_id,
      orgIds: row.org_ids,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      endedAt: row.ended_at,
    })),
  );
}
