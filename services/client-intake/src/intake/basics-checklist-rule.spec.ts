import type { BasicsChecklist } from '@polku/contracts';
import { openItemWithoutOwner } from './basics-checklist-rule';

const OWNER_ORG = '00000000-0000-4000-8000-0000000000a1';

function basicsWith(overrides: Partial<BasicsChecklist> = {}): BasicsChecklist {
  return {
    housing: 'IN_ORDER',
    benefits: 'IN_ORDER',
    permits: 'NOT_APPLICABLE',
    debts: 'IN_ORDER',
    treatment: 'IN_ORDER',
    ...overrides,
  };
}

describe('openItemWithoutOwner', () => {
  it('should find none when every item is in order', () => {
    expect(openItemWithoutOwner({ basics: basicsWith(), basicNeedIssues: [] })).toBeUndefined();
  });

  it('should name the open item when no issue covers it', () => {
    expect(
      openItemWithoutOwner({ basics: basicsWith({ debts: 'OPEN' }), basicNeedIssues: [] }),
    ).toBe('debts');
  });

  it('should find none when an issue of a matching kind covers the open item', () => {
    expect(
      openItemWithoutOwner({
        basics: basicsWith({ housing: 'OPEN' }),
        basicNeedIssues: [{ kind: 'EVICTION_THREAT', ownerOrgId: OWNER_ORG }],
      }),
    ).toBeUndefined();
  });

  it('should not count an OTHER issue as covering an open item', () => {
    expect(
      openItemWithoutOwner({
        basics: basicsWith({ treatment: 'OPEN' }),
        basicNeedIssues: [{ kind: 'OTHER', ownerOrgId: OWNER_ORG }],
      }),
    ).toBe('treatment');
  });

  it('should name the first open item in checklist order when several lack an owner', () => {
    expect(
      openItemWithoutOwner({
        basics: basicsWith({ treatment: 'OPEN', benefits: 'OPEN' }),
        basicNeedIssues: [],
      }),
    ).toBe('benefits');
  });
});
