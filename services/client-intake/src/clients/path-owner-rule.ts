import type { PathAccessFacts } from '@polku/path-access';

/** The organisation owns the path now (not only once): it sees the client's full identity. */
export function isCurrentOwner(facts: PathAccessFacts, orgId: string): boolean {
  return facts.parties.some(
    (party) => party.orgId === orgId && party.relation === 'OWNER' && party.until === null,
  );
}
