import type { PathAccessFacts, PathParty } from '@polku/path-access';
import { isCurrentOwner } from './path-owner-rule';

const OWNER_ORG = '00000000-0000-4000-8000-0000000000a1';
const RECEIVER_ORG = '00000000-0000-4000-8000-0000000000a2';
const SINCE = new Date('2026-03-02T10:00:00Z');

function factsWith(parties: PathParty[]): PathAccessFacts {
  return { pathId: '00000000-0000-4000-8000-0000000000b1', parties, coverages: [] };
}

describe('isCurrentOwner', () => {
  it('should be true when the organisation owns the path now', () => {
    const facts = factsWith([{ orgId: OWNER_ORG, relation: 'OWNER', since: SINCE, until: null }]);

    expect(isCurrentOwner(facts, OWNER_ORG)).toBe(true);
  });

  it('should be false when the organisation takes part in another relation', () => {
    const facts = factsWith([
      { orgId: OWNER_ORG, relation: 'OWNER', since: SINCE, until: null },
      { orgId: RECEIVER_ORG, relation: 'PENDING_HANDOFF_RECEIVER', since: SINCE, until: null },
    ]);

    expect(isCurrentOwner(facts, RECEIVER_ORG)).toBe(false);
  });

  it('should be false when the ownership has ended', () => {
    const facts = factsWith([
      { orgId: OWNER_ORG, relation: 'OWNER', since: SINCE, until: new Date('2026-04-01') },
    ]);

    expect(isCurrentOwner(facts, OWNER_ORG)).toBe(false);
  });
});
