import type { Principal } from '@polku/auth';
import { PreconditionFailedError } from '@polku/persistence';
import { CommandValidationError, ForbiddenCommandError } from '@polku/service-runtime';
import { assertNotToOneself, assertReceiverMayAnswer, referrerLegalBasis } from './referral-rules';
import type { ReferralRow } from './referral.repository';

const REFERRER_ORG = '00000000-0000-4000-8000-0000000000a1';
const RECEIVER_ORG = '00000000-0000-4000-8000-0000000000a2';

function principalWith(overrides: Partial<Principal> = {}): Principal {
  return {
    userId: 'user-1',
    orgId: RECEIVER_ORG,
    orgRole: 'PROVIDER',
    roles: ['CASEWORKER'],
    issuer: 'polku',
    ...overrides,
  };
}

function referralWith(overrides: Partial<ReferralRow> = {}): ReferralRow {
  return {
    id: '00000000-0000-4000-8000-0000000000c1',
    path_id: '00000000-0000-4000-8000-0000000000b1',
    from_org_id: REFERRER_ORG,
    to_org_id: RECEIVER_ORG,
    requested_measure: 'WORK_TRIAL',
    reason_category: 'LONG_TERM_UNEMPLOYMENT',
    desired_start: '2026-04-01',
    status: 'PENDING',
    expected_start: null,
    decline_reason: null,
    alternative_suggested: null,
    version: 1,
    created_at: new Date('2026-03-02T10:00:00Z'),
    decided_at: null,
    ...overrides,
  };
}

describe('referrerLegalBasis', () => {
  it('should answer the law of the task when a caseworker of a referring organisation refers', () => {
    expect(
      referrerLegalBasis(principalWith({ orgId: REFERRER_ORG, orgRole: 'SOCIAL_SERVICES' })),
    ).toBe('Act on Rehabilitative Work Activity 189/2001');
  });

  it('should refuse when a provider refers', () => {
    expect(() => referrerLegalBasis(principalWith())).toThrow(ForbiddenCommandError);
  });

  it('should refuse when the referring organisation’s user has no client work role', () => {
    expect(() =>
      referrerLegalBasis(principalWith({ orgRole: 'SOCIAL_SERVICES', roles: ['ADMIN'] })),
    ).toThrow(ForbiddenCommandError);
  });
});

describe('assertNotToOneself', () => {
  it('should refuse when the referral names the referrer as receiver', () => {
    expect(() => assertNotToOneself(RECEIVER_ORG, principalWith())).toThrow(
      new CommandValidationError('toOrgId: a referral cannot be made to oneself'),
    );
  });

  it('should accept when the receiver is another organisation', () => {
    expect(() => assertNotToOneself(REFERRER_ORG, principalWith())).not.toThrow();
  });
});

describe('assertReceiverMayAnswer', () => {
  it('should accept when the receiver answers a pending referral at its version', () => {
    expect(() =>
      assertReceiverMayAnswer(referralWith(), { principal: principalWith(), expectedVersion: 1 }),
    ).not.toThrow();
  });

  it('should refuse when another organisation answers', () => {
    expect(() =>
      assertReceiverMayAnswer(referralWith(), {
        principal: principalWith({ orgId: REFERRER_ORG }),
        expectedVersion: 1,
      }),
    ).toThrow(ForbiddenCommandError);
  });

  it('should refuse before comparing versions when the caller has no client work role', () => {
    expect(() =>
      assertReceiverMayAnswer(referralWith(), {
        principal: principalWith({ roles: ['ADMIN'] }),
        expectedVersion: 7,
      }),
    ).toThrow(ForbiddenCommandError);
  });

  it('should refuse with a failed precondition when the version is stale', () => {
    expect(() =>
      assertReceiverMayAnswer(referralWith({ version: 2 }), {
        principal: principalWith(),
        expectedVersion: 1,
      }),
    ).toThrow(PreconditionFailedError);
  });
});
