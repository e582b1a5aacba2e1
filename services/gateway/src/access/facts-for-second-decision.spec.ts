import { decidePathAccess, type PathAccessFacts } from '@polku/path-access';
import type { Principal } from '@polku/auth';
import { factsForSecondDecision } from './facts-for-second-decision';

const RECEIVER = 'org-receiver';
const FIRST = new Date('2027-01-10T10:00:00.000Z');
const principal = {
  sub: 'ville',
  orgId: RECEIVER,
  roles: ['CASEWORKER'],
} as unknown as Principal;

/** The receiver of a referral, covered for PATH on the client's consent until `until`. */
function facts(options: { until?: Date | null; withdrawnAt?: Date | null }): PathAccessFacts {
  return {
    pathId: 'path-1',
    parties: [
      {
        orgId: RECEIVER,
        relation: 'PENDING_HANDOFF_RECEIVER',
        since: new Date('2027-01-01T00:00:00.000Z'),
        until: options.until ?? null,
      },
    ],
    coverages: [
      {
        orgId: RECEIVER,
        dataClasses: ['PATH'],
        basis: { kind: 'CONSENT', consentId: 'consent-1' },
        validFrom: new Date('2027-01-01T00:00:00.000Z'),
        validTo: options.until ?? null,
        withdrawnAt: options.withdrawnAt ?? null,
      },
    ],
  };
}

describe('factsForSecondDecision', () => {
  it('should keep the answer to a receiver whose own decline, answered by the service, ended its part', () => {
    const declinedAt = new Date(FIRST.getTime() + 50);
    const second = factsForSecondDecision(facts({ until: declinedAt }), FIRST);

    expect(decidePathAccess(principal, second, 'PATH', FIRST).allowed).toBe(true);
  });

  it('should refuse the answer when the consent was withdrawn while the service worked', () => {
    const withdrawnAt = new Date(FIRST.getTime() + 50);
    const second = factsForSecondDecision(facts({ withdrawnAt }), FIRST);

    expect(decidePathAccess(principal, second, 'PATH', FIRST)).toEqual({
      allowed: false,
      reason: 'NOT_COVERED',
    });
  });

  it('should keep a withdrawal from before the first decision as it was', () => {
    const withdrawnAt = new Date(FIRST.getTime() - 1000);
    const second = factsForSecondDecision(facts({ withdrawnAt }), FIRST);

    expect(second?.coverages[0]?.withdrawnAt).toEqual(withdrawnAt);
  });
});
