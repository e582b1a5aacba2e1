// Factories for unit tests: valid events with explicit ids and UTC dates, overridable per field.
import {
  eventContractFor,
  validateEvent,
  type EventPayloads,
  type EventSubject,
} from '../src/events/event-registry';

export const IDS = {
  eventId: '0195f3a2-7c1e-7d4b-9a6e-2f1c3b4d5e6f',
  causingEventId: '0195f3a2-6b00-7aaa-8bbb-123456789abc',
  pathId: '3f2b8c1e-5d4a-4e6f-9b7c-1a2d3e4f5a6b',
  referralId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  employmentAuthorityOrgId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  providerOrgId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  socialServicesOrgId: 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f',
  educationOrgId: 'd4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80',
  consentId: '5e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b',
  withdrawalConsentId: '6f2e3d4c-5b6a-4798-8b1c-2d3e4f5a6b7c',
  packageId: '8a3f4e5d-6c7b-4809-9c2d-3e4f5a6b7c8d',
  previousPathId: '9b4a5f6e-7d8c-491a-8d3e-4f5a6b7c8d9e',
  intakeId: 'ac5b6a7f-8e9d-4a2b-9e4f-5a6b7c8d9eaf',
  issueId: 'bd6c7b8a-9f0e-4b3c-8f5a-6b7c8d9eafb0',
  actionItemId: 'ce7d8c9b-0a1f-4c4d-9a6b-7c8d9eafb0c1',
  parallelReferralId: 'df8e9dac-1b2a-4d5e-8b7c-8d9eafb0c1d2',
  planId: 'e09fae1b-2c3b-4e6f-9c8d-9eafb0c1d2e3',
  goalId: 'f1a0bf2c-3d4c-4f70-8d9e-afb0c1d2e3f4',
  measureId: '0a1bc03d-4e5d-4081-9eaf-b0c1d2e3f405',
  statementId: '1b2cd14e-5f6e-4192-8fb0-c1d2e3f40516',
  hostOrgId: '2c3de25f-6a7f-42a3-9ac1-d2e3f4051627',
  kelaOrgId: '3d4ef360-7b8a-43b4-8bd2-e3f405162738',
  transitionId: '4e5f0471-8c9b-44c5-9ce3-f40516273849',
  nextProviderOrgId: '5f601582-9dac-45d6-8df4-05162738495a',
  nextMeasureId: '60712693-aebd-46e7-9e05-16273849a56b',
  followUpIds: [
    '718237a4-bfce-47f8-8f16-273849a5b67c',
    '829348b5-c0df-4809-9027-3849a5b6c78d',
    '93a459c6-d1e0-491a-8138-49a5b6c7d89e',
  ],
  waitId: 'a4b56ad7-e2f1-4a2b-9249-5a6b7c8d9eaf',
  workerId: 'usr_5f3a9c21',
  otherWorkerId: 'usr_7b1d4e08',
} as const;

/** A valid payload for every registered subject; the mapped type fails to compile when one is missing. */
export const VALID_PAYLOADS: { readonly [S in EventSubject]: EventPayloads[S] } = {
  'polku.intake.referral.client-referred.v1': {
    referralId: IDS.referralId,
    fromOrgId: IDS.employmentAuthorityOrgId,
    toOrgId: IDS.providerOrgId,
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-000123' },
    desiredStart: '2026-03-02',
    priorInformationRef: 'pkg_01HQ7Z3K8M2N4P6R8T0V',
  },
  'polku.intake.referral.referral-accepted.v1': {
    referralId: IDS.referralId,
    acceptedByOrgId: IDS.providerOrgId,
    expectedStart: '2026-03-09',
  },
  'polku.intake.referral.referral-declined.v1': {
    referralId: IDS.referralId,
    declinedByOrgId: IDS.providerOrgId,
    reasonCategory: 'NO_CAPACITY',
    alternativeSuggested: 'Work trial at the municipal workshop, which has places from April.',
    returnTaskDueDate: '2026-03-16',
  },
  'polku.intake.consent.consent-granted.v1': {
    consentId: IDS.consentId,
    orgIds: [IDS.providerOrgId, IDS.socialServicesOrgId],
    dataClasses: ['PATH', 'PLAN', 'HEALTH_FLAG'],
    purpose: 'REFERRAL',
    validFrom: '2026-02-23',
    validTo: '2027-02-22',
    howGiven: 'WRITTEN',
    recordedByOrgId: IDS.employmentAuthorityOrgId,
  },
  'polku.intake.consent.consent-withdrawn.v1': {
    consentId: IDS.withdrawalConsentId,
    withdrawnConsentId: IDS.consentId,
    effectiveAt: '2026-04-01T09:30:00.000Z',
  },
  'polku.intake.referral.prior-information-shared.v1': {
    referralId: IDS.referralId,
    packageId: IDS.packageId,
    dataClasses: ['PLAN', 'HEALTH_FLAG'],
    toOrgId: IDS.providerOrgId,
  },
  'polku.intake.path.client-returned-to-intermediate-market.v1': {
    previousPathId: IDS.previousPathId,
    monthsSinceExit: 7,
    loopCount: 2,
  },
  'polku.intake.intake.intake-completed.v1': {
    intakeId: IDS.intakeId,
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
  },
  'polku.intake.basic-need.basic-need-issue-flagged.v1': {
    issueId: IDS.issueId,
    kind: 'HOUSING_ARREARS',
    actionItemId: IDS.actionItemId,
    ownerOrgId: IDS.socialServicesOrgId,
    dueDate: '2026-03-09',
  },
  'polku.intake.basic-need.basic-need-resolved.v1': {
    issueId: IDS.issueId,
    actionItemId: IDS.actionItemId,
    resolution: 'PAYMENT_PLAN_AGREED',
  },
  'polku.intake.parallel-service.parallel-service-referred.v1': {
    referralId: IDS.parallelReferralId,
    service: 'DEBT_COUNSELLING',
    toOrgId: IDS.socialServicesOrgId,
  },
  'polku.plans.plan.activation-plan-agreed.v1': {
    planId: IDS.planId,
    planVersion: 1,
    parties: [
      { orgId: IDS.employmentAuthorityOrgId, role: 'EMPLOYMENT_AUTHORITY' },
      { orgId: IDS.socialServicesOrgId, role: 'SOCIAL_SERVICES' },
      { orgId: IDS.providerOrgId, role: 'PROVIDER' },
    ],
    clientAgreed: true,
    linkedPlans: [
      {
        kind: 'EMPLOYMENT_PLAN',
        reference: 'TP-2026-04711',
        heldByOrgId: IDS.employmentAuthorityOrgId,
      },
      { kind: 'COACHING_PLAN', reference: 'VS-0042' },
    ],
    reviewDate: '2026-09-01',
  },
  'polku.plans.plan.activation-plan-revised.v1': {
    planId: IDS.planId,
    planVersion: 2,
    changed: ['MEASURES', 'PARTIES', 'REVIEW_DATE'],
    reasonCategory: 'TRANSITION',
    reviewDate: '2026-12-01',
    parties: [
      { orgId: IDS.employmentAuthorityOrgId, role: 'EMPLOYMENT_AUTHORITY' },
      { orgId: IDS.providerOrgId, role: 'PROVIDER' },
    ],
  },
  'polku.plans.plan.plan-review-due.v1': {
    planId: IDS.planId,
    dueDate: '2026-09-01',
  },
  'polku.plans.plan.plan-review-overdue.v1': {
    planId: IDS.planId,
    dueDate: '2026-09-01',
  },
  'polku.plans.goal.goal-set.v1': {
    planId: IDS.planId,
    goalId: IDS.goalId,
    text: 'Haluan päästä aamuisin ajoissa töihin ja jaksaa koko päivän.',
    gasScale: {
      levelMinus2: 'En käy työtoiminnassa ollenkaan.',
      levelMinus1: 'Käyn yhtenä päivänä viikossa.',
      level0: 'Käyn kahtena päivänä viikossa ajoissa.',
      levelPlus1: 'Käyn kolmena päivänä viikossa ajoissa.',
      levelPlus2: 'Käyn neljänä päivänä viikossa ajoissa.',
    },
  },
  'polku.plans.goal.goal-progress-recorded.v1': {
    goalId: IDS.goalId,
    gasLevel: -1,
    recordedAt: '2026-04-15T10:30:00.000Z',
    assessedBy: 'CLIENT_WITH_WORKER',
  },
  'polku.plans.measure.measure-started.v1': {
    measureId: IDS.measureId,
    planId: IDS.planId,
    measureType: 'REHABILITATIVE_WORK_ACTIVITY',
    placement: { kind: 'EXTERNAL_HOST', hostOrgId: IDS.hostOrgId },
    schedule: {
      daysPerWeek: 3,
      hoursPerDay: 4,
      startDate: '2026-03-09',
      plannedEndDate: '2026-09-08',
    },
  },
  'polku.plans.attendance.attendance-recorded.v1': {
    measureId: IDS.measureId,
    date: '2026-03-10',
    status: 'PRESENT',
  },
  'polku.plans.attendance.absence-reported.v1': {
    measureId: IDS.measureId,
    date: '2026-03-11',
    reasonCategory: 'OFFICIAL_APPOINTMENT',
  },
  'polku.plans.measure.measure-paused.v1': {
    measureId: IDS.measureId,
    reasonCategory: 'HEALTH_CARE_MEASURE',
    pausedAt: '2026-05-04T06:00:00.000Z',
    expectedResume: '2026-06-01',
  },
  'polku.plans.measure.measure-resumed.v1': {
    measureId: IDS.measureId,
    resumedAt: '2026-06-01T06:00:00.000Z',
  },
  'polku.plans.measure.measure-ended.v1': {
    measureId: IDS.measureId,
    endDate: '2026-09-08',
    endReason: 'COMPLETED',
  },
  'polku.plans.statement.statement-requested.v1': {
    statementId: IDS.statementId,
    measureId: IDS.measureId,
    kind: 'COACHING_SUMMARY',
    requestedByOrgId: IDS.kelaOrgId,
    dueDate: '2026-09-22',
  },
  'polku.plans.statement.statement-issued.v1': {
    statementId: IDS.statementId,
    issuedAt: '2026-09-18T12:00:00.000Z',
  },
  'polku.transitions.path.client-exited.v1': {
    destination: {
      group: 'OUTSIDE_LABOUR_MARKET',
      category: 'STUDIES',
      subType: 'APPRENTICESHIP',
    },
    receivingOrgId: IDS.educationOrgId,
    confirmed: true,
    exitDate: '2026-08-31',
  },
  'polku.transitions.handoff.transition-proposed.v1': {
    transitionId: IDS.transitionId,
    fromMeasureId: IDS.measureId,
    destination: {
      group: 'LABOUR_MARKET',
      category: 'SUPPORTED_EMPLOYMENT',
      subType: 'PAY_SUBSIDISED_WORK',
    },
    receivingOrgId: IDS.nextProviderOrgId,
    proposedDate: '2026-09-14',
    answerDueDate: '2026-08-21',
    rationaleCategory: 'CLIENT_READY_FOR_MORE',
    proposedBy: 'WORKER',
  },
  'polku.transitions.handoff.transition-accepted.v1': {
    transitionId: IDS.transitionId,
    startDate: '2026-09-14',
  },
  'polku.transitions.handoff.transition-declined.v1': {
    transitionId: IDS.transitionId,
    reasonCategory: 'NO_CAPACITY',
    alternativeCategory: 'LATER_START',
  },
  'polku.transitions.handoff.handoff-completed.v1': {
    transitionId: IDS.transitionId,
    newMeasureId: IDS.nextMeasureId,
  },
  'polku.transitions.path.ownership-transferred.v1': {
    fromOrgId: IDS.providerOrgId,
    fromWorkerId: IDS.workerId,
    toOrgId: IDS.nextProviderOrgId,
    toWorkerId: IDS.otherWorkerId,
    reason: 'HANDOFF_COMPLETED',
    transitionId: IDS.transitionId,
  },
  'polku.transitions.handoff.handoff-escalated.v1': {
    transitionId: IDS.transitionId,
    level: 'TEAM_LEAD',
    escalatedToOrgId: IDS.providerOrgId,
    answerDueDate: '2026-08-21',
    businessDaysOverdue: 5,
  },
  'polku.transitions.path.unclear-path-flagged.v1': {
    searchOwnerOrgId: IDS.employmentAuthorityOrgId,
    searchWorkerId: IDS.workerId,
    reviewDate: '2026-09-28',
  },
  'polku.transitions.follow-up.follow-up-scheduled.v1': {
    ownerOrgId: IDS.providerOrgId,
    followUps: [
      { followUpId: IDS.followUpIds[0], dueDate: '2026-09-30' },
      { followUpId: IDS.followUpIds[1], dueDate: '2026-11-30' },
      { followUpId: IDS.followUpIds[2], dueDate: '2027-02-26' },
    ],
  },
  'polku.transitions.follow-up.follow-up-due.v1': {
    followUpId: IDS.followUpIds[0],
    dueDate: '2026-09-30',
    ownerOrgId: IDS.providerOrgId,
  },
  'polku.transitions.follow-up.follow-up-completed.v1': {
    followUpId: IDS.followUpIds[0],
    statusNow: 'CHANGED',
    destination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
    contactMode: 'PHONE',
    helpGiven: ['JOB_APPLICATIONS', 'BENEFIT_APPLICATIONS'],
    confirmsDestination: true,
  },
  'polku.transitions.follow-up.follow-up-missed.v1': {
    followUpId: IDS.followUpIds[1],
    dueDate: '2026-11-30',
    ownerOrgId: IDS.providerOrgId,
    escalatedTo: 'MANAGER',
  },
  'polku.transitions.path.path-closed.v1': {
    confirmedDestination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
    closedAt: '2027-03-01T10:00:00.000Z',
  },
  'polku.transitions.measure.measure-ending-soon.v1': {
    measureId: IDS.measureId,
    plannedEndDate: '2026-09-08',
    daysBefore: 14,
    checklist: [
      { item: 'STATEMENT', done: true },
      { item: 'NEXT_STEP_PLAN', done: false },
      { item: 'TRANSITION_MEETING', done: false },
    ],
  },
  'polku.transitions.wait.waiting-started.v1': {
    waitId: IDS.waitId,
    waitingFor: 'BENEFIT_DECISION',
    waitingForOrgId: IDS.kelaOrgId,
    thresholdBusinessDays: 20,
  },
  'polku.transitions.wait.wait-exceeded.v1': {
    waitId: IDS.waitId,
    waitingFor: 'BENEFIT_DECISION',
    since: '2026-04-01',
    thresholdBusinessDays: 20,
  },
  'polku.transitions.wait.waiting-ended.v1': {
    waitId: IDS.waitId,
    endedOn: '2026-05-12',
  },
  'polku.transitions.path.provider-funding-ending.v1': {
    providerOrgId: IDS.providerOrgId,
    endDate: '2026-12-31',
  },
  'polku.transitions.path.responsible-worker-changed.v1': {
    orgId: IDS.providerOrgId,
    fromWorkerId: IDS.workerId,
    toWorkerId: IDS.otherWorkerId,
    reasonCategory: 'TURNOVER',
  },
  'polku.transitions.path.next-step-overdue.v1': {
    nextStep: 'DECIDE_NEXT_STEP',
    dueDate: '2026-09-15',
    level: 'WORKER',
    accountableOrgId: IDS.providerOrgId,
    businessDaysOverdue: 0,
  },
};

/** A plain JSON event as it arrives on the wire: a valid envelope around a valid payload. */
export function aValidEvent(
  subject: EventSubject,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const contract = eventContractFor(subject);
  if (contract === undefined) {
    throw new Error(`no contract for ${subject}`);
  }
  return {
    id: IDS.eventId,
    type: contract.type,
    version: contract.version,
    occurredAt: '2026-02-23T08:15:00.000Z',
    pathId: IDS.pathId,
    clientRef: 'cr_9J2kQ7xW4mZ8',
    emitter: {
      orgId: IDS.employmentAuthorityOrgId,
      orgRole: 'EMPLOYMENT_AUTHORITY',
      actorId: 'usr_5f3a9c21',
      actorRole: 'CASEWORKER',
    },
    correlationId: IDS.pathId,
    causationId: IDS.causingEventId,
    dataClass: contract.dataClass,
    consentRef: 'consent_2026_0042',
    // A JSON round trip gives the plain object a consumer decodes from the message body.
    data: JSON.parse(JSON.stringify(VALID_PAYLOADS[subject])) as unknown,
    ...overrides,
  };
}

/** A valid event with one payload field replaced, or removed when the value is undefined. */
export function withData(
  subject: EventSubject,
  changes: Record<string, unknown>,
): Record<string, unknown> {
  const event = aValidEvent(subject);
  const data: Record<string, unknown> = { ...(event.data as Record<string, unknown>), ...changes };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) {
      delete data[key];
    }
  }
  return { ...event, data };
}

/** The validation errors of an event on a subject; empty when it is valid. */
export function errorsOf(subject: string, raw: unknown): string[] {
  const result = validateEvent(subject, raw);
  return result.ok ? [] : result.errors;
}

/** A copy of an object without the named keys. */
export function without(
  object: Record<string, unknown>,
  ...keys: string[]
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}
