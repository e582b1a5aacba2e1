import type { ConsentInput } from '@polku/contracts';
import {
  coveredByPackageConsent,
  priorInformationClasses,
  referralSharingProblem,
  splitPriorInformation,
} from './prior-information-rules';

const RECEIVER_ORG = '00000000-0000-4000-8000-0000000000a2';

function consentWith(overrides: Partial<ConsentInput> = {}): ConsentInput {
  return {
    dataClasses: ['PATH', 'PLAN'],
    orgIds: [RECEIVER_ORG],
    howGiven: 'WRITTEN',
    purpose: 'REFERRAL',
    ...overrides,
  };
}

describe('priorInformationClasses', () => {
  it('should answer no classes when there is no prior information', () => {
    expect(priorInformationClasses(undefined)).toEqual([]);
  });

  it('should answer the data class of each given field once', () => {
    expect(
      priorInformationClasses({ summary: 'Wants to work outdoors', workAdaptationNeeded: true }),
    ).toEqual(['PLAN', 'HEALTH_FLAG']);
  });
});

describe('referralSharingProblem', () => {
  it('should find nothing when a referral shares nothing', () => {
    expect(referralSharingProblem({ toOrgId: RECEIVER_ORG })).toBeUndefined();
  });

  it('should ask for consent when prior information comes without one', () => {
    expect(
      referralSharingProblem({ toOrgId: RECEIVER_ORG, priorInformation: { summary: 'x' } }),
    ).toBe('priorInformation: sharing prior information needs the client’s consent (consent)');
  });

  it('should name the uncovered classes when the consent does not cover every field', () => {
    expect(
      referralSharingProblem({
        toOrgId: RECEIVER_ORG,
        consent: consentWith({ dataClasses: ['PATH'] }),
        priorInformation: { summary: 'x', workAdaptationNeeded: true },
      }),
    ).toBe('priorInformation: the consent does not cover PLAN, HEALTH_FLAG');
  });

  it('should refuse a consent that does not name the receiver', () => {
    expect(
      referralSharingProblem({
        toOrgId: RECEIVER_ORG,
        consent: consentWith({ orgIds: ['00000000-0000-4000-8000-0000000000a9'] }),
      }),
    ).toBe('consent.orgIds: the consent must name the receiving organisation');
  });

  it('should find nothing when the consent covers every field and names the receiver', () => {
    expect(
      referralSharingProblem({
        toOrgId: RECEIVER_ORG,
        consent: consentWith(),
        priorInformation: { summary: 'x', languageSupportNeeded: true },
      }),
    ).toBeUndefined();
  });
});

describe('splitPriorInformation', () => {
  it('should show the readable fields and name the withheld ones when coverage is partial', () => {
    expect(
      splitPriorInformation(
        { summary: 'x', workAdaptationNeeded: true },
        (dataClass) => dataClass !== 'HEALTH_FLAG',
      ),
    ).toEqual({ shown: { summary: 'x' }, withheld: ['workAdaptationNeeded'] });
  });

  it('should neither show nor withhold a field the package lacks', () => {
    expect(splitPriorInformation({}, () => true)).toEqual({ shown: {}, withheld: [] });
  });
});

describe('coveredByPackageConsent', () => {
  it('should keep only the coverage of the package’s own consent', () => {
    const coverage = (
      basis: { kind: 'CONSENT'; consentId: string } | { kind: 'LEGAL_BASIS'; code: string },
    ) => ({
      orgId: RECEIVER_ORG,
      dataClasses: ['PLAN' as const],
      basis,
      validFrom: new Date('2026-03-01T00:00:00Z'),
      validTo: null,
      withdrawnAt: null,
    });
    const own = coverage({ kind: 'CONSENT', consentId: 'package-consent' });
    const facts = {
      pathId: 'path',
      parties: [],
      coverages: [
        own,
        coverage({ kind: 'CONSENT', consentId: 'another-consent' }),
        coverage({ kind: 'LEGAL_BASIS', code: 'some law' }),
      ],
    };

    expect(coveredByPackageConsent(facts, 'package-consent').coverages).toEqual([own]);
  });
});
