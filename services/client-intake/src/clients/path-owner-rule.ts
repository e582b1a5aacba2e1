import type { PathAccessFacts } from '@polku/path-access';

/** The organisation owns the path now (not only once): it sees the client's full identity. */
export function isCurrentOwner(facts: PathAccessFacts, orgId: string): boolean {
  return facts.parties.some(
    (party) => party.orgId === orgId && party.relation === 'OWNER' && party.until === null,
  );
}

/** The organisation that owns the path now, or undefined for an unknown path. */
export function currentOwnerOf(facts: PathAccessFacts | undefined): string | undefined {
  return facts?.parties.find((party) => party.relation === 'OWNER' && party.until === null)?.orgId;
}
