import type { Principal } from '@polku/auth';
import type { PathAccessFacts, PartyRelation } from '@polku/path-access';
import { ForbiddenCommandError } from '@polku/service-runtime';
import { isCurrentOwner } from '../clients/path-owner-rule';

/** The organisation's parts in the path now. */
function relationsNow(facts: PathAccessFacts, orgId: string, at: Date): PartyRelation[] {
  return facts.parties
    .filter(
      (party) =>
        party.orgId === orgId &&
        party.since.getTime() <= at.getTime() &&
        (party.until === null || at.getTime() < party.until.getTime()),
    )
    .map((party) => party.relation);
}

/**
 * Does the organisation hold the client relationship now: the path's owner or one of its
 * referrers? Only they take the client's statements about consent (docs/auth.md).
 */
export function holdsClientRelationship(
  facts: PathAccessFacts,
  orgId: string,
  at: Date = new Date(),
): boolean {
  return relationsNow(facts, orgId, at).some(
    (relation) => relation === 'OWNER' || relation === 'REFERRER',
  );
}

/**
 * Refuses a consent the caller may not record: only the organisation holding the client
 * relationship records one, and none may name itself unless it already owns the path (an
 * organisation must never widen its own access by its own word).
 */
export function assertMayRecordConsent(
  facts: PathAccessFacts,
  consent: { readonly principal: Principal; readonly orgIds: readonly string[] },
): void {
  const { principal } = consent;
  if (!holdsClientRelationship(facts, principal.orgId)) {
    throw new ForbiddenCommandError(
      'only the organisation that holds the client relationship (the path’s owner or its referrer) records a consent',
    );
  }
  if (consent.orgIds.includes(principal.orgId) && !isCurrentOwner(facts, principal.orgId)) {
    throw new ForbiddenCommandError(
      'orgIds: an organisation records no consent naming itself unless it owns the path',
    );
  }
}

/**
 * Refuses a withdrawal the caller may not record: the organisation that recorded the consent
 * withdraws it; another withdraws it only on the client's explicit request, and only if it holds
 * the client relationship (it takes the client's statements, and the record names it).
 */
export function assertMayWithdrawConsent(
  facts: PathAccessFacts,
  withdrawal: {
    readonly principal: Principal;
    readonly recordedByOrgId: string;
    readonly onClientRequest: boolean;
  },
): void {
  const { principal } = withdrawal;
  if (withdrawal.recordedByOrgId === principal.orgId) {
    return;
  }
  if (withdrawal.onClientRequest && holdsClientRelationship(facts, principal.orgId)) {
    return;
  }
  throw new ForbiddenCommandError(
    'only the organisation that recorded the consent withdraws it, or the one holding the client relationship on the client’s explicit request (onClientRequest)',
  );
}
