import { randomUUID } from 'node:crypto';
import type { Principal } from '@polku/auth';
import {
  decidePathAccess,
  describeBasis,
  envelopeBasisOf,
  type PathAccessFacts,
} from './path-access-policy';

const provider = randomUUID();
const employmentAuthority = randomUUID();
const outsider = randomUUID();
const day = (n: number) => new Date(Date.UTC(2026, 10, n));

const principal = (orgId: string, roles: Principal['roles'] = ['CASEWORKER']): Principal => ({
  userId: 'user-1',
  orgId,
  orgRole: 'PROVIDER',
  roles,
  issuer: 'https://issuer.example',
});

const facts: PathAccessFacts = {
  pathId: randomUUID(),
  parties: [
    { orgId: employmentAuthority, relation: 'REFERRER', since: day(1), until: null },
    { orgId: employmentAuthority, relation: 'OWNER', since: day(1), until: null },
    { orgId: provider, relation: 'PENDING_HANDOFF_RECEIVER', since: day(1), until: day(10) },
  ],
  coverages: [
    {
      orgId: employmentAuthority,
      dataClasses: ['PATH', 'PLAN'],
      basis: { kind: 'LEGAL_BASIS', code: 'JTYPL-380/2023' },
      validFrom: day(1),
      validTo: null,
      withdrawnAt: null,
    },
    {
      orgId: provider,
      dataClasses: ['PATH'],
      basis: { kind: 'CONSENT', consentId: 'c-1' },
      validFrom: day(1),
      validTo: null,
      withdrawnAt: day(5),
    },
  ],
};

describe('decidePathAccess', () => {
  it('should allow a party whose data class is covered, naming its relations and basis', () => {
    expect(decidePathAccess(principal(employmentAuthority), facts, 'PLAN', day(3))).toEqual({
      allowed: true,
      relations: ['REFERRER', 'OWNER'],
      basis: { kind: 'LEGAL_BASIS', code: 'JTYPL-380/2023' },
    });
  });

  it('should refuse an organisation that is not a party', () => {
    expect(decidePathAccess(principal(outsider), facts, 'PATH', day(3))).toEqual({
      allowed: false,
      reason: 'NOT_A_PARTY',
    });
  });

  it('should refuse a party for a data class no basis covers', () => {
    expect(decidePathAccess(principal(employmentAuthority), facts, 'ATTENDANCE', day(3))).toEqual({
      allowed: false,
      reason: 'NOT_COVERED',
    });
  });

  it('should stop covering at once when the consent is withdrawn', () => {
    expect(decidePathAccess(principal(provider), facts, 'PATH', day(4)).allowed).toBe(true);
    expect(decidePathAccess(principal(provider), facts, 'PATH', day(5))).toEqual({
      allowed: false,
      reason: 'NOT_COVERED',
    });
  });

  it('should refuse a party whose part in the path has ended', () => {
    const stillCovered: PathAccessFacts = {
      ...facts,
      coverages: facts.coverages.map((coverage) => ({ ...coverage, withdrawnAt: null })),
    };
    expect(decidePathAccess(principal(provider), stillCovered, 'PATH', day(9)).allowed).toBe(true);
    expect(decidePathAccess(principal(provider), stillCovered, 'PATH', day(10))).toEqual({
      allowed: false,
      reason: 'NOT_A_PARTY',
    });
  });

  it.each([[['MANAGER'] as const], [['ADMIN'] as const], [['EXPERT_COORDINATOR'] as const]])(
    'should give %j no client-level data, even in its own path',
    (roles) => {
      expect(
        decidePathAccess(principal(employmentAuthority, roles), facts, 'PATH', day(3)),
      ).toEqual({ allowed: false, reason: 'NOT_CLIENT_WORK_ROLE' });
    },
  );

  it('should refuse an unknown path', () => {
    expect(decidePathAccess(principal(employmentAuthority), undefined, 'PATH', day(3))).toEqual({
      allowed: false,
      reason: 'UNKNOWN_PATH',
    });
  });

  it('should name a basis in an event envelope as consentRef or legalBasis', () => {
    expect(envelopeBasisOf({ kind: 'CONSENT', consentId: 'c-1' })).toEqual({ consentRef: 'c-1' });
    expect(envelopeBasisOf({ kind: 'LEGAL_BASIS', code: 'X' })).toEqual({ legalBasis: 'X' });
  });

  it('should describe bases compactly for the audit trail', () => {
    expect(describeBasis({ kind: 'CONSENT', consentId: 'c-1' })).toBe('consent:c-1');
    expect(describeBasis({ kind: 'LEGAL_BASIS', code: 'X' })).toBe('law:X');
  });
});
