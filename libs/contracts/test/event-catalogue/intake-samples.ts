import { caseworkerOf, LAWS, UNDER_CONSENT, type ContextSamples } from './sample-parts';

/** A valid sample of every intake event, as client-intake writes them. */
export const INTAKE_SAMPLES: ContextSamples<'intake'> = {
  'polku.intake.referral.client-referred.v1': {
    emitter: caseworkerOf('employmentAuthorityOrgId', 'EMPLOYMENT_AUTHORITY'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      referralId: id('referralId'),
      fromOrgId: id('employmentAuthorityOrgId'),
      toOrgId: id('providerOrgId'),
      requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
      reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
      fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-000123' },
      desiredStart: '2026-03-02',
      identityVerified: true,
      priorInformationRef: 'pkg_01HQ7Z3K8M2N4P6R8T0V',
    }),
  },
  'polku.intake.referral.referral-accepted.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      referralId: id('referralId'),
      acceptedByOrgId: id('providerOrgId'),
      expectedStart: '2026-03-09',
    }),
  },
  'polku.intake.referral.referral-declined.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      referralId: id('referralId'),
      declinedByOrgId: id('providerOrgId'),
      reasonCategory: 'NO_CAPACITY',
      alternativeSuggested: 'Work trial at the municipal workshop, which has places from April.',
      returnTaskDueDate: '2026-03-16',
    }),
  },
  'polku.intake.referral.referral-linked.v1': {
    emitter: caseworkerOf('employmentAuthorityOrgId', 'EMPLOYMENT_AUTHORITY'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      referralId: id('referralId'),
      heldPathId: id('heldPathId'),
      fromOrgId: id('socialServicesOrgId'),
      toOrgId: id('providerOrgId'),
      basis: 'OWNER_ACCEPTED',
    }),
  },
  'polku.intake.client.client-identity-verified.v1': {
    emitter: caseworkerOf('employmentAuthorityOrgId', 'EMPLOYMENT_AUTHORITY'),
    ground: LAWS.employmentServices,
    data: () => ({ identityVerified: true, basis: 'PERMANENT_CODE_RECORDED' }),
  },
  'polku.intake.client.clients-linked.v1': {
    emitter: caseworkerOf('employmentAuthorityOrgId', 'EMPLOYMENT_AUTHORITY'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      linkId: id('clientLinkId'),
      match: 'SAME_CODE',
      identityVerified: true,
      identityStatus: 'LINKED',
    }),
  },
  'polku.intake.client.clients-unlinked.v1': {
    emitter: caseworkerOf('employmentAuthorityOrgId', 'EMPLOYMENT_AUTHORITY'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      linkId: id('clientLinkId'),
      identityVerified: false,
      identityStatus: 'UNVERIFIED',
    }),
  },
  'polku.intake.consent.consent-granted.v1': {
    emitter: caseworkerOf('employmentAuthorityOrgId', 'EMPLOYMENT_AUTHORITY'),
    ground: LAWS.clientData,
    data: (id) => ({
      consentId: id('consentId'),
      orgIds: [id('providerOrgId'), id('socialServicesOrgId')],
      dataClasses: ['PATH', 'PLAN', 'HEALTH_FLAG'],
      purpose: 'REFERRAL',
      validFrom: '2026-02-23',
      validTo: '2027-02-22',
      howGiven: 'WRITTEN',
      recordedByOrgId: id('employmentAuthorityOrgId'),
    }),
  },
  'polku.intake.consent.consent-withdrawn.v1': {
    emitter: caseworkerOf('employmentAuthorityOrgId', 'EMPLOYMENT_AUTHORITY'),
    ground: LAWS.clientData,
    data: (id) => ({
      consentId: id('withdrawalConsentId'),
      withdrawnConsentId: id('consentId'),
      effectiveAt: '2026-04-01T09:30:00.000Z',
    }),
  },
  'polku.intake.referral.prior-information-shared.v1': {
    emitter: caseworkerOf('employmentAuthorityOrgId', 'EMPLOYMENT_AUTHORITY'),
    ground: UNDER_CONSENT,
    data: (id) => ({
      referralId: id('referralId'),
      packageId: id('packageId'),
      dataClasses: ['PLAN', 'HEALTH_FLAG'],
      toOrgId: id('providerOrgId'),
    }),
  },
  'polku.intake.path.client-returned-to-intermediate-market.v1': {
    emitter: caseworkerOf('employmentAuthorityOrgId', 'EMPLOYMENT_AUTHORITY'),
    ground: LAWS.employmentServices,
    data: (id) => ({ previousPathId: id('previousPathId'), monthsSinceExit: 7, loopCount: 2 }),
  },
  'polku.intake.intake.intake-completed.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: UNDER_CONSENT,
    data: (id) => ({
      intakeId: id('intakeId'),
      economicSituation: 'WEAK',
      healthFlag: true,
      housingSituation: 'OWN_HOME',
      relationships: 'SOME_CONCERN',
      lifeManagement: 'NO_CONCERN',
      educationLevel: 'VOCATIONAL',
      educationCurrency: 'OUTDATED',
      unemploymentDurationBand: 'DAYS_500_TO_999',
      ageBand: 'AGE_50_59',
      languageAndIntegrationNeeds: [],
      currentBenefits: ['LABOUR_MARKET_SUBSIDY', 'HOUSING_ALLOWANCE'],
      basics: {
        housing: 'OPEN',
        benefits: 'IN_ORDER',
        permits: 'NOT_APPLICABLE',
        debts: 'OPEN',
        treatment: 'IN_ORDER',
      },
    }),
  },
  'polku.intake.basic-need.basic-need-issue-flagged.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: UNDER_CONSENT,
    data: (id) => ({
      issueId: id('issueId'),
      kind: 'HOUSING_ARREARS',
      actionItemId: id('actionItemId'),
      ownerOrgId: id('socialServicesOrgId'),
      dueDate: '2026-03-09',
    }),
  },
  'polku.intake.basic-need.basic-need-resolved.v1': {
    emitter: caseworkerOf('socialServicesOrgId', 'SOCIAL_SERVICES'),
    ground: UNDER_CONSENT,
    data: (id) => ({
      issueId: id('issueId'),
      actionItemId: id('actionItemId'),
      resolution: 'PAYMENT_PLAN_AGREED',
    }),
  },
  'polku.intake.parallel-service.parallel-service-referred.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: UNDER_CONSENT,
    data: (id) => ({
      referralId: id('parallelReferralId'),
      service: 'DEBT_COUNSELLING',
      toOrgId: id('socialServicesOrgId'),
    }),
  },
};
