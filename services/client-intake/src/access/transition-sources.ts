import type { OrgRole } from '@polku/contracts';
import type {
  MeetingParticipantAccessSource,
  OwnershipAccessSource,
  PlanPartyAccessSource,
  ReferralAccessSource,
} from '@polku/path-access';
import type { DataSource, EntityManager } from 'typeorm';

interface HandoffRow {
  from_org_id: string | null;
  to_org_id: string | null;
  basis_kind: 'CONSENT' | 'LEGAL_BASIS' | null;
  basis_ref: string | null;
  referred_at: Date | null;
  outcome: 'ACCEPTED' | 'DECLINED' | null;
  decided_at: Date | null;
}

/**
 * What other services decided about a path's parties, from the access projection client-intake
 * keeps of their events: hand-offs proposed and answered (transitions), completed hand-offs
 * (ownership moves, so identity follows the new owner), plan parties (activation-plans) and
 * the organisations invited to network meetings (network-meetings; never the owner by that).
 * client-intake's own events are not in these tables: it reads its own records instead.
 */
export async function transitionSourcesOf(
  runner: DataSource | EntityManager,
  pathId: string,
): Promise<{
  handoffs: ReferralAccessSource[];
  planParties: PlanPartyAccessSource[];
  ownershipTransfers: OwnershipAccessSource[];
  meetingParticipants: MeetingParticipantAccessSource[];
}> {
  // One after another: in a transaction they share one connection (see IntakePathFacts).
  const handoffs = await runner.query<HandoffRow[]>(
    `SELECT from_org_id, to_org_id, basis_kind, basis_ref, referred_at, outcome, decided_at
       FROM path_access_referral WHERE path_id = $1`,
    [pathId],
  );
  const planParties = await runner.query<
    { org_id: string; role: OrgRole; since: Date; until: Date | null }[]
  >('SELECT org_id, role, since, until FROM path_access_plan_party WHERE path_id = $1', [pathId]);
  const transfers = await runner.query<{ to_org_id: string; transferred_at: Date }[]>(
    'SELECT to_org_id, transferred_at FROM path_access_ownership WHERE path_id = $1',
    [pathId],
  );
  const meetings = await runner.query<
    {
      meeting_id: string;
      org_ids: string[] | null;
      starts_at: Date | null;
      ends_at: Date | null;
      ended_at: Date | null;
    }[]
  >(
    `SELECT meeting_id, org_ids, starts_at, ends_at, ended_at
       FROM path_access_meeting WHERE path_id = $1`,
    [pathId],
  );
  return {
    handoffs: handoffs.map((row) => ({
      fromOrgId: row.from_org_id,
      toOrgId: row.to_org_id,
      // A hand-off's sender is a party in its own right and gains nothing by proposing it.
      referrerBasis: null,
      isReferral: false,
      receiverBasis:
        row.basis_kind === null || row.basis_ref === null
          ? null
          : row.basis_kind === 'CONSENT'
            ? { kind: 'CONSENT', consentId: row.basis_ref }
            : { kind: 'LEGAL_BASIS', code: row.basis_ref },
      referredAt: row.referred_at,
      outcome: row.outcome,
      decidedAt: row.decided_at,
    })),
    planParties: planParties.map((row) => ({
      orgId: row.org_id,
      role: row.role,
      since: row.since,
      until: row.until,
    })),
    ownershipTransfers: transfers.map((row) => ({
      toOrgId: row.to_org_id,
      at: row.transferred_at,
    })),
    meetingParticipants: meetings.map((row) => ({
      meetingId: row.meeting_id,
      orgIds: row.org_ids,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      endedAt: row.ended_at,
    })),
  };
}
