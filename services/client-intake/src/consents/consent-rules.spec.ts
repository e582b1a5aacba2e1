import type { Principal } from '@polku/auth';
import type { PathAccessFacts, PathParty } from '@polku/path-access';
import { ForbiddenCommandError } from '@polku/service-runtime';
import { assertMayRecordConsent, assertMayWithdrawConsent } from './consent-rules';

const OWNER = '00000000-0000-4000-8000-0000000000a1';
const FIRST_OWNER = '00000000-0000-4000-8000-0000000000a2';
const RECEIVER = '00000000-0000-4000-8000-0000000000a3';
const SINCE = new Date('2026-03-01T00:00:00Z');
const HANDED_OFF = new Date('2026-03-02T00:00:00Z');

const party = (orgId: string, relation: PathParty['relation'], until: Date | null = null) => ({
  orgId,
  relation,
  since: SINCE,
  until,
});

/** A path handed off from FIRST_OWNER (still its referrer) to OWNER; RECEIVER a plan party. */
const FACTS: PathAccessFacts = {
  pathId: '00000000-0000-4000-8000-0000000000b1',
  parties: [
    party(FIRST_OWNER, 'OWNER', HANDED_OFF),
    party(FIRST_OWNER, 'REFERRER'),
    { ...party(OWNER, 'OWNER'), since: HANDED_OFF },
    party(RECEIVER, 'PLAN_PARTY'),
  ],
  coverages: [],
};

const caseworker = (orgId: string): Principal => ({
  userId: 'worker',
  orgId,
  orgRole: 'PROVIDER',
  roles: ['CASEWORKER'],
  issuer: 'polku',
});

describe('assertMayRecordConsent', () => {
  it('should let the owner record a consent naming itself', () => {
    expect(() =>
      assertMayRecordConsent(FACTS, { principal: caseworker(OWNER), orgIds: [OWNER] }),
    ).not.toThrow();
  });

  it('should let a referrer record a consent naming another organisation', () => {
    expect(() =>
      assertMayRecordConsent(FACTS, { principal: caseworker(FIRST_OWNER), orgIds: [RECEIVER] }),
    ).not.toThrow();
  });

  it('should refuse a referrer that no longer owns the path a consent naming itself', () => {
    expect(() =>
      assertMayRecordConsent(FACTS, { principal: caseworker(FIRST_OWNER), orgIds: [FIRST_OWNER] }),
    ).toThrow(ForbiddenCommandError);
  });

  it('should refuse a party that does not hold the client relationship', () => {
    expect(() =>
      assertMayRecordConsent(FACTS, { principal: caseworker(RECEIVER), orgIds: [OWNER] }),
    ).toThrow(ForbiddenCommandError);
  });
});

describe('assertMayWithdrawConsent', () => {
  it('should let the recording organisation withdraw without the client’s request', () => {
    expect(() =>
      assertMayWithdrawConsent(FACTS, {
        principal: caseworker(RECEIVER),
        recordedByOrgId: RECEIVER,
        onClientRequest: false,
      }),
    ).not.toThrow();
  });

  it('should let the owner withdraw another organisation’s consent on the client’s request', () => {
    expect(() =>
      assertMayWithdrawConsent(FACTS, {
        principal: caseworker(OWNER),
        recordedByOrgId: FIRST_OWNER,
        onClientRequest: true,
      }),
    ).not.toThrow();
  });

  it('should refuse the owner withdrawing another organisation’s consent without the client’s request', () => {
    expect(() =>
      assertMayWithdrawConsent(FACTS, {
        principal: caseworker(OWNER),
        recordedByOrgId: FIRST_OWNER,
        onClientRequest: false,
      }),
    ).toThrow(ForbiddenCommandError);
  });

  it('should refuse a plan party claiming the client’s request', () => {
    expect(() =>
      assertMayWithdrawConsent(FACTS, {
        principal: caseworker(RECEIVER),
        recordedByOrgId: OWNER,
        onClientRequest: true,
      }),
    ).toThrow(ForbiddenCommandError);
  });
});
