import { CLIENT_WORK_ROLES, hasRole, type Principal } from '@polku/auth';
import type { DataClass } from '@polku/contracts';

/** How an organisation takes part in a path (docs/domain.md §9). */
export const PARTY_RELATIONS = [
  'OWNER',
  'REFERRER',
  'PLAN_PARTY',
  'PENDING_HANDOFF_RECEIVER',
  'MEETING_PARTICIPANT',
] as const;

/** One of PARTY_RELATIONS. */
export type PartyRelation = (typeof PARTY_RELATIONS)[number];

/** One organisation's part in a path, for a time. */
export interface PathParty {
  readonly orgId: string;
  readonly relation: PartyRelation;
  readonly since: Date;
  /** When it stopped (a declined referral, a finished hand-off); null while it lasts. */
  readonly until: Date | null;
}

/** What lifts secrecy for an organisation: a consent record or a legal basis. */
export type AccessBasis =
  | { readonly kind: 'CONSENT'; readonly consentId: string }
  | { readonly kind: 'LEGAL_BASIS'; readonly code: string };

/** A basis covering some data classes of a path for one organisation, for a time. */
export interface PathCoverage {
  readonly orgId: string;
  readonly dataClasses: readonly DataClass[];
  readonly basis: AccessBasis;
  readonly validFrom: Date;
  /** End of validity, or null for open-ended. */
  readonly validTo: Date | null;
  /** A withdrawn consent stops covering at once. */
  readonly withdrawnAt: Date | null;
}

/** Everything the policy needs to know about one path. */
export interface PathAccessFacts {
  readonly pathId: string;
  readonly parties: readonly PathParty[];
  readonly coverages: readonly PathCoverage[];
}

/** The policy's answer: allowed, with the relations and the basis to record; or refused, why. */
export type PathAccessDecision =
  | {
      readonly allowed: true;
      readonly relations: readonly PartyRelation[];
      readonly basis: AccessBasis;
    }
  | { readonly allowed: false; readonly reason: PathAccessRefusal };

/**
 * Why access was refused. Every refusal is answered the same way (404: the caller may not
 * even learn that the path exists); the reason is for the audit trail and logs.
 */
export type PathAccessRefusal =
  'UNKNOWN_PATH' | 'NOT_CLIENT_WORK_ROLE' | 'NOT_A_PARTY' | 'NOT_COVERED';

const within = (at: Date, from: Date, to: Date | null) =>
  from.getTime() <= at.getTime() && (to === null || at.getTime() < to.getTime());

/**
 * May this principal see `dataClass` of this path at `at`? Only while its organisation is a
 * party to the path and a consent or legal basis covers the data class for that organisation.
 * Managers and administrators get aggregates only, never client-level data.
 */
export function decidePathAccess(
  principal: Principal,
  facts: PathAccessFacts | undefined,
  dataClass: DataClass,
  at: Date = new Date(),
): PathAccessDecision {
  if (dataClass === 'AGGREGATE') {
    // Aggregates are not client-level data; they are never asked of one path.
    return { allowed: false, reason: 'NOT_CLIENT_WORK_ROLE' };
  }
  const mayDoClientWork =
    hasRole(principal, ...CLIENT_WORK_ROLES) ||
    (dataClass === 'EXPERT' && hasRole(principal, 'EXPERT_COORDINATOR'));
  if (!mayDoClientWork) {
    return { allowed: false, reason: 'NOT_CLIENT_WORK_ROLE' };
  }
  if (facts === undefined) {
    return { allowed: false, reason: 'UNKNOWN_PATH' };
  }
  const relations = [
    ...new Set(
      facts.parties
        .filter((party) => party.orgId === principal.orgId && within(at, party.since, party.until))
        .map((party) => party.relation),
    ),
  ];
  if (relations.length === 0) {
    return { allowed: false, reason: 'NOT_A_PARTY' };
  }
  const coverage = facts.coverages.find(
    (candidate) =>
      candidate.orgId === principal.orgId &&
      candidate.dataClasses.includes(dataClass) &&
      within(at, candidate.validFrom, candidate.validTo) &&
      (candidate.withdrawnAt === null || at.getTime() < candidate.withdrawnAt.getTime()),
  );
  if (coverage === undefined) {
    return { allowed: false, reason: 'NOT_COVERED' };
  }
  return { allowed: true, relations, basis: coverage.basis };
}

/** A compact, stable text of a basis for audit rows: `consent:<id>` or `law:<code>`. */
export function describeBasis(basis: AccessBasis): string {
  return basis.kind === 'CONSENT' ? `consent:${basis.consentId}` : `law:${basis.code}`;
}

/** The envelope fields that name a basis: `consentRef` or `legalBasis`, exactly one. */
export function envelopeBasisOf(
  basis: AccessBasis,
): { readonly consentRef: string } | { readonly legalBasis: string } {
  return basis.kind === 'CONSENT' ? { consentRef: basis.consentId } : { legalBasis: basis.code };
}
