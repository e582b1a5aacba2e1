import type { PathAccessFacts } from '@polku/path-access';
import { consentCheckAnswer } from './consent-check-rule';

const PROVIDER = '00000000-0000-4000-8000-0000000000a1';
const OTHER = '00000000-0000-4000-8000-0000000000a2';
const CONSENT_ID = '00000000-0000-4000-8000-0000000000c1';
const NOW = new Date('2026-03-02T10:00:00Z');

function factsWith(overrides: Partial<PathAccessFacts> = {}): PathAccessFacts {
  return {
    pathId: '00000000-0000-4000-8000-0000000000b1',
    parties: [
      {
        orgId: PROVIDER,
        relation: 'PENDING_HANDOFF_RECEIVER',
        since: new Date('2026-03-01T00:00:00Z'),
        until: null,
      },
    ],
    coverages: [
      {
        orgId: PROVIDER,
        dataClasses: ['PATH', 'HEALTH_FLAG'],
        basis: { kind: 'CONSENT', consentId: CONSENT_ID },
        validFrom: new Date('2026-03-01T00:00:00Z'),
        validTo: null,
        withdrawnAt: null,
      },
    ],
    ...overrides,
  };
}

describe('consentCheckAnswer', () => {
  it('should allow with the basis and relations when a consent covers the organisation', () => {
    expect(
      consentCheckAnswer(factsWith(), { orgId: PROVIDER, dataClass: 'HEALTH_FLAG', at: NOW }),
    ).toEqual({
      allowed: true,
      basis: { kind: 'CONSENT', consentId: CONSENT_ID },
      relations: ['PENDING_HANDOFF_RECEIVER'],
    });
  });

  it('should answer only "not allowed" when the organisation is no party of the path', () => {
    expect(consentCheckAnswer(factsWith(), { orgId: OTHER, dataClass: 'PATH', at: NOW })).toEqual({
      allowed: false,
    });
  });

  it('should answer only "not allowed" when the consent was withdrawn before the question', () => {
    const facts = factsWith({
      coverages: factsWith().coverages.map((coverage) => ({
        ...coverage,
        withdrawnAt: new Date('2026-03-02T09:00:00Z'),
      })),
    });

    expect(consentCheckAnswer(facts, { orgId: PROVIDER, dataClass: 'PATH', at: NOW })).toEqual({
      allowed: false,
    });
  });

  it('should answer only "not allowed" when the path is unknown', () => {
    expect(consentCheckAnswer(undefined, { orgId: PROVIDER, dataClass: 'PATH', at: NOW })).toEqual({
      allowed: false,
    });
  });
});
