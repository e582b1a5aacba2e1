import { randomUUID } from 'node:crypto';
import type {
  AbsenceReportedPayload,
  ActivationPlanAgreedPayload,
  ActivationPlanRevisedPayload,
  AttendanceRecordedPayload,
  BasicNeedIssueFlaggedPayload,
  BasicNeedResolvedPayload,
  ClientExitedPayload,
  ClientReferredPayload,
  ClientReturnedToIntermediateMarketPayload,
  ConsentGrantedPayload,
  ConsentWithdrawnPayload,
  FollowUpCompletedPayload,
  FollowUpDuePayload,
  FollowUpMissedPayload,
  FollowUpScheduledPayload,
  GoalProgressRecordedPayload,
  GoalSetPayload,
  HandoffCompletedPayload,
  HandoffEscalatedPayload,
  IntakeCompletedPayload,
  MeasureEndedPayload,
  MeasureEndingSoonPayload,
  MeasurePausedPayload,
  MeasureResumedPayload,
  MeasureStartedPayload,
  NextStepOverduePayload,
  OwnershipTransferredPayload,
  ParallelServiceReferredPayload,
  PathClosedPayload,
  PlanReviewDuePayload,
  PlanReviewOverduePayload,
  PriorInformationSharedPayload,
  ProviderFundingEndingPayload,
  ResponsibleWorkerChangedPayload,
  StatementIssuedPayload,
  StatementRequestedPayload,
  TransitionAcceptedPayload,
  TransitionDeclinedPayload,
  TransitionProposedPayload,
  UnclearPathFlaggedPayload,
  WaitExceededPayload,
  WaitingEndedPayload,
  WaitingStartedPayload,
} from '@polku/contracts';
import type { NewEvent } from '@polku/messaging';

// Legal bases the factories cite; tests that are about coverage override them.
const EMPLOYMENT_SERVICES_ACT = 'Act on Public Employment and Business Services 380/2023';
const CLIENT_DATA_ACT =
  'Act on the Processing of Client Data in Healthcare and Social Welfare 703/2023';
const REHABILITATIVE_WORK_ACTIVITY_ACT = 'Act on Rehabilitative Work Activity 189/2001';

type Emitter = NewEvent<unknown>['emitter'];

function caseworkerOf(orgId: string, orgRole: Emitter['orgRole']): Emitter {
  return { orgId, orgRole, actorId: randomUUID(), actorRole: 'CASEWORKER' };
}

/** A path and pseudonymous client of its own, so that tests do not see each other's events. */
function newPath(): Pick<NewEvent<unknown>, 'pathId' | 'clientRef'> {
  return { pathId: randomUUID(), clientRef: `client-${randomUUID().slice(0, 8)}` };
}

/** A valid ClientReferred event, as client-intake would write one; override what a test is about. */
export function newClientReferredEvent(
  overrides: Partial<ClientReferredPayload> = {},
): NewEvent<ClientReferredPayload> {
  const referrer = randomUUID();
  return {
    ...newPath(),
    emitter: caseworkerOf(referrer, 'EMPLOYMENT_AUTHORITY'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      referralId: randomUUID(),
      fromOrgId: referrer,
      toOrgId: randomUUID(),
      requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
      reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
      fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
      desiredStart: '2026-12-01',
      ...overrides,
    } as ClientReferredPayload,
  };
}

/** A valid ConsentGranted event: a written consent for the referral, recorded by the referrer. */
export function newConsentGrantedEvent(
  overrides: Partial<ConsentGrantedPayload> = {},
): NewEvent<ConsentGrantedPayload> {
  const recorder = randomUUID();
  return {
    ...newPath(),
    emitter: caseworkerOf(recorder, 'EMPLOYMENT_AUTHORITY'),
    legalBasis: CLIENT_DATA_ACT,
    data: {
      consentId: randomUUID(),
      orgIds: [recorder, randomUUID()],
      dataClasses: ['PATH', 'PLAN'],
      purpose: 'REFERRAL',
      validFrom: '2026-12-01',
      validTo: '2027-11-30',
      howGiven: 'WRITTEN',
      recordedByOrgId: recorder,
      ...overrides,
    } as ConsentGrantedPayload,
  };
}

/** A valid ConsentWithdrawn event that withdraws some earlier consent at once. */
export function newConsentWithdrawnEvent(
  overrides: Partial<ConsentWithdrawnPayload> = {},
): NewEvent<ConsentWithdrawnPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'EMPLOYMENT_AUTHORITY'),
    legalBasis: CLIENT_DATA_ACT,
    data: {
      consentId: randomUUID(),
      withdrawnConsentId: randomUUID(),
      effectiveAt: '2026-12-15T09:30:00.000Z',
      ...overrides,
    } as ConsentWithdrawnPayload,
  };
}

/** A valid PriorInformationShared event: plan and health flags for the receiver, under a consent. */
export function newPriorInformationSharedEvent(
  overrides: Partial<PriorInformationSharedPayload> = {},
): NewEvent<PriorInformationSharedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'EMPLOYMENT_AUTHORITY'),
    consentRef: randomUUID(),
    data: {
      referralId: randomUUID(),
      packageId: randomUUID(),
      dataClasses: ['PLAN', 'HEALTH_FLAG'],
      toOrgId: randomUUID(),
      ...overrides,
    } as PriorInformationSharedPayload,
  };
}

/** A valid ClientReturnedToIntermediateMarket event: the first return, seven months after exit. */
export function newClientReturnedToIntermediateMarketEvent(
  overrides: Partial<ClientReturnedToIntermediateMarketPayload> = {},
): NewEvent<ClientReturnedToIntermediateMarketPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'EMPLOYMENT_AUTHORITY'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      previousPathId: randomUUID(),
      monthsSinceExit: 7,
      loopCount: 1,
      ...overrides,
    } as ClientReturnedToIntermediateMarketPayload,
  };
}

/** A valid IntakeCompleted event by the provider's client worker, with two open basics. */
export function newIntakeCompletedEvent(
  overrides: Partial<IntakeCompletedPayload> = {},
): NewEvent<IntakeCompletedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    consentRef: randomUUID(),
    data: {
      intakeId: randomUUID(),
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
      ...overrides,
    } as IntakeCompletedPayload,
  };
}

/** A valid BasicNeedIssueFlagged event: rent arrears, owned by social services. */
export function newBasicNeedIssueFlaggedEvent(
  overrides: Partial<BasicNeedIssueFlaggedPayload> = {},
): NewEvent<BasicNeedIssueFlaggedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    consentRef: randomUUID(),
    data: {
      issueId: randomUUID(),
      kind: 'HOUSING_ARREARS',
      actionItemId: randomUUID(),
      ownerOrgId: randomUUID(),
      dueDate: '2026-12-15',
      ...overrides,
    } as BasicNeedIssueFlaggedPayload,
  };
}

/** A valid BasicNeedResolved event: a payment plan was agreed. */
export function newBasicNeedResolvedEvent(
  overrides: Partial<BasicNeedResolvedPayload> = {},
): NewEvent<BasicNeedResolvedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'SOCIAL_SERVICES'),
    consentRef: randomUUID(),
    data: {
      issueId: randomUUID(),
      actionItemId: randomUUID(),
      resolution: 'PAYMENT_PLAN_AGREED',
      ...overrides,
    } as BasicNeedResolvedPayload,
  };
}

/** A valid ParallelServiceReferred event: debt counselling alongside the measure. */
export function newParallelServiceReferredEvent(
  overrides: Partial<ParallelServiceReferredPayload> = {},
): NewEvent<ParallelServiceReferredPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    consentRef: randomUUID(),
    data: {
      referralId: randomUUID(),
      service: 'DEBT_COUNSELLING',
      toOrgId: randomUUID(),
      ...overrides,
    } as ParallelServiceReferredPayload,
  };
}

/** A valid ClientExited event: a confirmed exit to pay-subsidised work with an employer. */
export function newClientExitedEvent(
  overrides: Partial<ClientExitedPayload> = {},
): NewEvent<ClientExitedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      destination: {
        group: 'LABOUR_MARKET',
        category: 'SUPPORTED_EMPLOYMENT',
        subType: 'PAY_SUBSIDISED_WORK',
      },
      receivingOrgId: randomUUID(),
      confirmed: true,
      exitDate: '2027-05-31',
      ...overrides,
    } as ClientExitedPayload,
  };
}

/** The plan-review timer of activation-plans, as the emitter of its reminders. */
function planTimer(): Emitter {
  return {
    orgId: randomUUID(),
    orgRole: 'SYSTEM',
    actorId: 'activation-plans:plan-review-timer',
    actorRole: 'SYSTEM',
  };
}

/** A valid ActivationPlanAgreed event: employment authority, social services and the provider. */
export function newActivationPlanAgreedEvent(
  overrides: Partial<ActivationPlanAgreedPayload> = {},
): NewEvent<ActivationPlanAgreedPayload> {
  const employmentAuthority = randomUUID();
  return {
    ...newPath(),
    emitter: caseworkerOf(employmentAuthority, 'EMPLOYMENT_AUTHORITY'),
    legalBasis: REHABILITATIVE_WORK_ACTIVITY_ACT,
    data: {
      planId: randomUUID(),
      planVersion: 1,
      parties: [
        { orgId: employmentAuthority, role: 'EMPLOYMENT_AUTHORITY' },
        { orgId: randomUUID(), role: 'SOCIAL_SERVICES' },
        { orgId: randomUUID(), role: 'PROVIDER' },
      ],
      clientAgreed: true,
      linkedPlans: [
        { kind: 'EMPLOYMENT_PLAN', reference: 'TP-2026-0042', heldByOrgId: employmentAuthority },
      ],
      reviewDate: '2027-06-01',
      ...overrides,
    } as ActivationPlanAgreedPayload,
  };
}

/** A valid ActivationPlanRevised event: new measures for a transition, and a new review date. */
export function newActivationPlanRevisedEvent(
  overrides: Partial<ActivationPlanRevisedPayload> = {},
): NewEvent<ActivationPlanRevisedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'EMPLOYMENT_AUTHORITY'),
    legalBasis: REHABILITATIVE_WORK_ACTIVITY_ACT,
    data: {
      planId: randomUUID(),
      planVersion: 2,
      changed: ['MEASURES', 'REVIEW_DATE'],
      reasonCategory: 'TRANSITION',
      reviewDate: '2027-09-01',
      ...overrides,
    } as ActivationPlanRevisedPayload,
  };
}

/** A valid PlanReviewDue event from the plan-review timer. */
export function newPlanReviewDueEvent(
  overrides: Partial<PlanReviewDuePayload> = {},
): NewEvent<PlanReviewDuePayload> {
  return {
    ...newPath(),
    emitter: planTimer(),
    legalBasis: REHABILITATIVE_WORK_ACTIVITY_ACT,
    data: { planId: randomUUID(), dueDate: '2027-06-01', ...overrides } as PlanReviewDuePayload,
  };
}

/** A valid PlanReviewOverdue event from the plan-review timer. */
export function newPlanReviewOverdueEvent(
  overrides: Partial<PlanReviewOverduePayload> = {},
): NewEvent<PlanReviewOverduePayload> {
  return {
    ...newPath(),
    emitter: planTimer(),
    legalBasis: REHABILITATIVE_WORK_ACTIVITY_ACT,
    data: {
      planId: randomUUID(),
      dueDate: '2027-06-01',
      ...overrides,
    } as PlanReviewOverduePayload,
  };
}

/** A valid GoalSet event: a goal in the client's words with a five-level GAS scale. */
export function newGoalSetEvent(overrides: Partial<GoalSetPayload> = {}): NewEvent<GoalSetPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    consentRef: randomUUID(),
    data: {
      planId: randomUUID(),
      goalId: randomUUID(),
      text: 'Haluan jaksaa käydä työtoiminnassa kolmena päivänä viikossa.',
      gasScale: {
        levelMinus2: 'En käy ollenkaan.',
        levelMinus1: 'Käyn yhtenä päivänä viikossa.',
        level0: 'Käyn kolmena päivänä viikossa.',
        levelPlus1: 'Käyn neljänä päivänä viikossa.',
        levelPlus2: 'Haen palkkatukityötä.',
      },
      ...overrides,
    } as GoalSetPayload,
  };
}

/** A valid GoalProgressRecorded event: the expected GAS level, assessed together. */
export function newGoalProgressRecordedEvent(
  overrides: Partial<GoalProgressRecordedPayload> = {},
): NewEvent<GoalProgressRecordedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    consentRef: randomUUID(),
    data: {
      goalId: randomUUID(),
      gasLevel: 0,
      recordedAt: '2027-02-15T10:00:00.000Z',
      assessedBy: 'CLIENT_WITH_WORKER',
      ...overrides,
    } as GoalProgressRecordedPayload,
  };
}

/** A valid MeasureStarted event: rehabilitative work activity in-house, 3 days of 4 hours. */
export function newMeasureStartedEvent(
  overrides: Partial<MeasureStartedPayload> = {},
): NewEvent<MeasureStartedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: REHABILITATIVE_WORK_ACTIVITY_ACT,
    data: {
      measureId: randomUUID(),
      planId: randomUUID(),
      measureType: 'REHABILITATIVE_WORK_ACTIVITY',
      placement: { kind: 'IN_HOUSE' },
      schedule: {
        daysPerWeek: 3,
        hoursPerDay: 4,
        startDate: '2026-12-07',
        plannedEndDate: '2027-06-06',
      },
      ...overrides,
    } as MeasureStartedPayload,
  };
}

/** A valid AttendanceRecorded event: a full day present. */
export function newAttendanceRecordedEvent(
  overrides: Partial<AttendanceRecordedPayload> = {},
): NewEvent<AttendanceRecordedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: REHABILITATIVE_WORK_ACTIVITY_ACT,
    data: {
      measureId: randomUUID(),
      date: '2026-12-08',
      status: 'PRESENT',
      ...overrides,
    } as AttendanceRecordedPayload,
  };
}

/** A valid AbsenceReported event: a sick day, as a category only. */
export function newAbsenceReportedEvent(
  overrides: Partial<AbsenceReportedPayload> = {},
): NewEvent<AbsenceReportedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: REHABILITATIVE_WORK_ACTIVITY_ACT,
    data: {
      measureId: randomUUID(),
      date: '2026-12-09',
      reasonCategory: 'SICK',
      ...overrides,
    } as AbsenceReportedPayload,
  };
}

/** A valid MeasurePaused event: paused for a health-care measure, expected back in a month. */
export function newMeasurePausedEvent(
  overrides: Partial<MeasurePausedPayload> = {},
): NewEvent<MeasurePausedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    consentRef: randomUUID(),
    data: {
      measureId: randomUUID(),
      reasonCategory: 'HEALTH_CARE_MEASURE',
      pausedAt: '2027-01-11T06:00:00.000Z',
      expectedResume: '2027-02-08',
      ...overrides,
    } as MeasurePausedPayload,
  };
}

/** A valid MeasureResumed event. */
export function newMeasureResumedEvent(
  overrides: Partial<MeasureResumedPayload> = {},
): NewEvent<MeasureResumedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    consentRef: randomUUID(),
    data: {
      measureId: randomUUID(),
      resumedAt: '2027-02-08T06:00:00.000Z',
      ...overrides,
    } as MeasureResumedPayload,
  };
}

/** A valid MeasureEnded event: completed as planned. */
export function newMeasureEndedEvent(
  overrides: Partial<MeasureEndedPayload> = {},
): NewEvent<MeasureEndedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: REHABILITATIVE_WORK_ACTIVITY_ACT,
    data: {
      measureId: randomUUID(),
      endDate: '2027-06-06',
      endReason: 'COMPLETED',
      ...overrides,
    } as MeasureEndedPayload,
  };
}

/** A valid StatementRequested event: the referrer asks for a coaching summary of a measure. */
export function newStatementRequestedEvent(
  overrides: Partial<StatementRequestedPayload> = {},
): NewEvent<StatementRequestedPayload> {
  const referrer = randomUUID();
  return {
    ...newPath(),
    emitter: caseworkerOf(referrer, 'EMPLOYMENT_AUTHORITY'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      statementId: randomUUID(),
      measureId: randomUUID(),
      kind: 'COACHING_SUMMARY',
      requestedByOrgId: referrer,
      dueDate: '2027-06-20',
      ...overrides,
    } as StatementRequestedPayload,
  };
}

/** A valid StatementIssued event. */
export function newStatementIssuedEvent(
  overrides: Partial<StatementIssuedPayload> = {},
): NewEvent<StatementIssuedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      statementId: randomUUID(),
      issuedAt: '2027-06-18T12:00:00.000Z',
      ...overrides,
    } as StatementIssuedPayload,
  };
}

/** A named worker's pseudonymous user id, as the identity provider would issue it. */
function workerId(): string {
  return `usr_${randomUUID().slice(0, 8)}`;
}

/** A timer of transitions, as the emitter of its reminders and escalations. */
function transitionsTimer(name: string): Emitter {
  return {
    orgId: randomUUID(),
    orgRole: 'SYSTEM',
    actorId: `transitions:${name}`,
    actorRole: 'SYSTEM',
  };
}

/** A valid TransitionProposed event: the provider proposes pay-subsidised work with another provider. */
export function newTransitionProposedEvent(
  overrides: Partial<TransitionProposedPayload> = {},
): NewEvent<TransitionProposedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      transitionId: randomUUID(),
      fromMeasureId: randomUUID(),
      destination: {
        group: 'LABOUR_MARKET',
        category: 'SUPPORTED_EMPLOYMENT',
        subType: 'PAY_SUBSIDISED_WORK',
      },
      receivingOrgId: randomUUID(),
      proposedDate: '2027-06-07',
      answerDueDate: '2027-05-14',
      rationaleCategory: 'CLIENT_READY_FOR_MORE',
      proposedBy: 'WORKER',
      ...overrides,
    } as TransitionProposedPayload,
  };
}

/** A valid TransitionAccepted event by the receiving organisation. */
export function newTransitionAcceptedEvent(
  overrides: Partial<TransitionAcceptedPayload> = {},
): NewEvent<TransitionAcceptedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      transitionId: randomUUID(),
      startDate: '2027-06-07',
      ...overrides,
    } as TransitionAcceptedPayload,
  };
}

/** A valid TransitionDeclined event: no place now, a later start suggested. */
export function newTransitionDeclinedEvent(
  overrides: Partial<TransitionDeclinedPayload> = {},
): NewEvent<TransitionDeclinedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      transitionId: randomUUID(),
      reasonCategory: 'NO_CAPACITY',
      alternativeCategory: 'LATER_START',
      ...overrides,
    } as TransitionDeclinedPayload,
  };
}

/** A valid HandoffCompleted event: the receiver has started a measure with the client. */
export function newHandoffCompletedEvent(
  overrides: Partial<HandoffCompletedPayload> = {},
): NewEvent<HandoffCompletedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      transitionId: randomUUID(),
      newMeasureId: randomUUID(),
      ...overrides,
    } as HandoffCompletedPayload,
  };
}

/** A valid OwnershipTransferred event after a completed hand-off. */
export function newOwnershipTransferredEvent(
  overrides: Partial<OwnershipTransferredPayload> = {},
): NewEvent<OwnershipTransferredPayload> {
  return {
    ...newPath(),
    emitter: transitionsTimer('handoff'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      fromOrgId: randomUUID(),
      fromWorkerId: workerId(),
      toOrgId: randomUUID(),
      toWorkerId: workerId(),
      reason: 'HANDOFF_COMPLETED',
      transitionId: randomUUID(),
      ...overrides,
    } as OwnershipTransferredPayload,
  };
}

/** A valid HandoffEscalated event: the first rung, the named worker, on the deadline's next day. */
export function newHandoffEscalatedEvent(
  overrides: Partial<HandoffEscalatedPayload> = {},
): NewEvent<HandoffEscalatedPayload> {
  return {
    ...newPath(),
    emitter: transitionsTimer('handoff-timer'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      transitionId: randomUUID(),
      level: 'WORKER',
      escalatedToOrgId: randomUUID(),
      answerDueDate: '2027-05-14',
      businessDaysOverdue: 1,
      ...overrides,
    } as HandoffEscalatedPayload,
  };
}

/** A valid UnclearPathFlagged event: the employment authority owns the search. */
export function newUnclearPathFlaggedEvent(
  overrides: Partial<UnclearPathFlaggedPayload> = {},
): NewEvent<UnclearPathFlaggedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      searchOwnerOrgId: randomUUID(),
      searchWorkerId: workerId(),
      reviewDate: '2027-06-28',
      ...overrides,
    } as UnclearPathFlaggedPayload,
  };
}

/** A valid FollowUpScheduled event: the default follow-ups 1, 3 and 6 months after an exit. */
export function newFollowUpScheduledEvent(
  overrides: Partial<FollowUpScheduledPayload> = {},
): NewEvent<FollowUpScheduledPayload> {
  return {
    ...newPath(),
    emitter: transitionsTimer('follow-up'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      ownerOrgId: randomUUID(),
      followUps: [
        { followUpId: randomUUID(), dueDate: '2027-06-30' },
        { followUpId: randomUUID(), dueDate: '2027-08-31' },
        { followUpId: randomUUID(), dueDate: '2027-11-30' },
      ],
      ...overrides,
    } as FollowUpScheduledPayload,
  };
}

/** A valid FollowUpDue event from the follow-up timer. */
export function newFollowUpDueEvent(
  overrides: Partial<FollowUpDuePayload> = {},
): NewEvent<FollowUpDuePayload> {
  return {
    ...newPath(),
    emitter: transitionsTimer('follow-up-timer'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      followUpId: randomUUID(),
      dueDate: '2027-06-30',
      ownerOrgId: randomUUID(),
      ...overrides,
    } as FollowUpDuePayload,
  };
}

/** A valid FollowUpCompleted event: by phone, the client is where the exit said, confirmed. */
export function newFollowUpCompletedEvent(
  overrides: Partial<FollowUpCompletedPayload> = {},
): NewEvent<FollowUpCompletedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      followUpId: randomUUID(),
      statusNow: 'SAME',
      contactMode: 'PHONE',
      helpGiven: ['JOB_APPLICATIONS'],
      confirmsDestination: true,
      ...overrides,
    } as FollowUpCompletedPayload,
  };
}

/** A valid FollowUpMissed event, escalated to the manager. */
export function newFollowUpMissedEvent(
  overrides: Partial<FollowUpMissedPayload> = {},
): NewEvent<FollowUpMissedPayload> {
  return {
    ...newPath(),
    emitter: transitionsTimer('follow-up-timer'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      followUpId: randomUUID(),
      dueDate: '2027-06-30',
      ownerOrgId: randomUUID(),
      escalatedTo: 'MANAGER',
      ...overrides,
    } as FollowUpMissedPayload,
  };
}

/** A valid PathClosed event: closed with a confirmed exit to the open labour market. */
export function newPathClosedEvent(
  overrides: Partial<PathClosedPayload> = {},
): NewEvent<PathClosedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      confirmedDestination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
      closedAt: '2027-12-01T10:00:00.000Z',
      ...overrides,
    } as PathClosedPayload,
  };
}

/** A valid MeasureEndingSoon event two weeks before the end, with the statement done. */
export function newMeasureEndingSoonEvent(
  overrides: Partial<MeasureEndingSoonPayload> = {},
): NewEvent<MeasureEndingSoonPayload> {
  return {
    ...newPath(),
    emitter: transitionsTimer('measure-end-timer'),
    legalBasis: REHABILITATIVE_WORK_ACTIVITY_ACT,
    data: {
      measureId: randomUUID(),
      plannedEndDate: '2027-06-06',
      daysBefore: 14,
      checklist: [
        { item: 'STATEMENT', done: true },
        { item: 'NEXT_STEP_PLAN', done: false },
        { item: 'TRANSITION_MEETING', done: false },
      ],
      ...overrides,
    } as MeasureEndingSoonPayload,
  };
}

/** A valid WaitingStarted event: waiting for a benefit decision from Kela, under a consent. */
export function newWaitingStartedEvent(
  overrides: Partial<WaitingStartedPayload> = {},
): NewEvent<WaitingStartedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    consentRef: randomUUID(),
    data: {
      waitId: randomUUID(),
      waitingFor: 'BENEFIT_DECISION',
      waitingForOrgId: randomUUID(),
      thresholdBusinessDays: 20,
      ...overrides,
    } as WaitingStartedPayload,
  };
}

/** A valid WaitExceeded event from the wait timer, under a consent. */
export function newWaitExceededEvent(
  overrides: Partial<WaitExceededPayload> = {},
): NewEvent<WaitExceededPayload> {
  return {
    ...newPath(),
    emitter: transitionsTimer('wait-timer'),
    consentRef: randomUUID(),
    data: {
      waitId: randomUUID(),
      waitingFor: 'BENEFIT_DECISION',
      since: '2027-01-04',
      thresholdBusinessDays: 20,
      ...overrides,
    } as WaitExceededPayload,
  };
}

/** A valid WaitingEnded event. */
export function newWaitingEndedEvent(
  overrides: Partial<WaitingEndedPayload> = {},
): NewEvent<WaitingEndedPayload> {
  return {
    ...newPath(),
    emitter: caseworkerOf(randomUUID(), 'PROVIDER'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      waitId: randomUUID(),
      endedOn: '2027-02-15',
      ...overrides,
    } as WaitingEndedPayload,
  };
}

/** A valid ProviderFundingEnding event: the provider's funding ends at the turn of the year. */
export function newProviderFundingEndingEvent(
  overrides: Partial<ProviderFundingEndingPayload> = {},
): NewEvent<ProviderFundingEndingPayload> {
  const provider = randomUUID();
  return {
    ...newPath(),
    emitter: caseworkerOf(provider, 'PROVIDER'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      providerOrgId: provider,
      endDate: '2027-12-31',
      ...overrides,
    } as ProviderFundingEndingPayload,
  };
}

/** A valid ResponsibleWorkerChanged event: the named worker left the provider. */
export function newResponsibleWorkerChangedEvent(
  overrides: Partial<ResponsibleWorkerChangedPayload> = {},
): NewEvent<ResponsibleWorkerChangedPayload> {
  const provider = randomUUID();
  return {
    ...newPath(),
    emitter: caseworkerOf(provider, 'PROVIDER'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      orgId: provider,
      fromWorkerId: workerId(),
      toWorkerId: workerId(),
      reasonCategory: 'TURNOVER',
      ...overrides,
    } as ResponsibleWorkerChangedPayload,
  };
}

/** A valid NextStepOverdue event: the decision on the next step is late, first rung. */
export function newNextStepOverdueEvent(
  overrides: Partial<NextStepOverduePayload> = {},
): NewEvent<NextStepOverduePayload> {
  return {
    ...newPath(),
    emitter: transitionsTimer('next-step-timer'),
    legalBasis: EMPLOYMENT_SERVICES_ACT,
    data: {
      nextStep: 'DECIDE_NEXT_STEP',
      dueDate: '2027-06-14',
      level: 'WORKER',
      accountableOrgId: randomUUID(),
      businessDaysOverdue: 0,
      ...overrides,
    } as NextStepOverduePayload,
  };
}
