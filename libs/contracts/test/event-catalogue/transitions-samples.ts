import { caseworkerOf, LAWS, timerOf, UNDER_CONSENT, type ContextSamples } from './sample-parts';

const PROVIDER_WORKER = caseworkerOf('providerOrgId', 'PROVIDER');

/** A valid sample of every transitions event, as the transitions service writes them. */
export const TRANSITIONS_SAMPLES: ContextSamples<'transitions'> = {
  'polku.transitions.path.client-exited.v1': {
    emitter: PROVIDER_WORKER,
    ground: LAWS.employmentServices,
    data: (id) => ({
      destination: {
        group: 'OUTSIDE_LABOUR_MARKET',
        category: 'STUDIES',
        subType: 'APPRENTICESHIP',
      },
      receivingOrgId: id('educationOrgId'),
      confirmed: true,
      exitDate: '2026-08-31',
    }),
  },
  'polku.transitions.handoff.handoff-proposed.v1': {
    emitter: PROVIDER_WORKER,
    ground: LAWS.employmentServices,
    data: (id) => ({
      handoffId: id('handoffId'),
      fromMeasureId: id('measureId'),
      destination: {
        group: 'LABOUR_MARKET',
        category: 'SUPPORTED_EMPLOYMENT',
        subType: 'PAY_SUBSIDISED_WORK',
      },
      receivingOrgId: id('nextProviderOrgId'),
      proposedDate: '2026-09-14',
      answerDueDate: '2026-08-21',
      rationaleCategory: 'CLIENT_READY_FOR_MORE',
      proposedBy: 'WORKER',
    }),
  },
  'polku.transitions.handoff.handoff-accepted.v1': {
    emitter: caseworkerOf('nextProviderOrgId', 'PROVIDER'),
    ground: LAWS.employmentServices,
    data: (id) => ({ handoffId: id('handoffId'), startDate: '2026-09-14' }),
  },
  'polku.transitions.handoff.handoff-declined.v1': {
    emitter: caseworkerOf('nextProviderOrgId', 'PROVIDER'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      handoffId: id('handoffId'),
      reasonCategory: 'NO_CAPACITY',
      alternativeCategory: 'LATER_START',
    }),
  },
  'polku.transitions.handoff.handoff-completed.v1': {
    emitter: caseworkerOf('nextProviderOrgId', 'PROVIDER'),
    ground: LAWS.employmentServices,
    data: (id) => ({ handoffId: id('handoffId'), newMeasureId: id('nextMeasureId') }),
  },
  'polku.transitions.path.ownership-transferred.v1': {
    emitter: timerOf('transitions:handoff'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      fromOrgId: id('providerOrgId'),
      fromWorkerId: id('workerId'),
      toOrgId: id('nextProviderOrgId'),
      toWorkerId: id('otherWorkerId'),
      reason: 'HANDOFF_COMPLETED',
      handoffId: id('handoffId'),
    }),
  },
  'polku.transitions.handoff.handoff-escalated.v1': {
    emitter: timerOf('transitions:handoff-timer'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      handoffId: id('handoffId'),
      level: 'TEAM_LEAD',
      escalatedToOrgId: id('providerOrgId'),
      answerDueDate: '2026-08-21',
      businessDaysOverdue: 5,
    }),
  },
  'polku.transitions.path.unclear-path-flagged.v1': {
    emitter: PROVIDER_WORKER,
    ground: LAWS.employmentServices,
    data: (id) => ({
      searchOwnerOrgId: id('employmentAuthorityOrgId'),
      searchWorkerId: id('otherWorkerId'),
      reviewDate: '2026-09-28',
    }),
  },
  'polku.transitions.follow-up.follow-up-scheduled.v1': {
    emitter: timerOf('transitions:follow-up'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      ownerOrgId: id('providerOrgId'),
      followUps: [
        { followUpId: id('firstFollowUpId'), dueDate: '2026-09-30' },
        { followUpId: id('secondFollowUpId'), dueDate: '2026-11-30' },
        { followUpId: id('thirdFollowUpId'), dueDate: '2027-02-26' },
      ],
    }),
  },
  'polku.transitions.follow-up.follow-up-due.v1': {
    emitter: timerOf('transitions:follow-up-timer'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      followUpId: id('firstFollowUpId'),
      dueDate: '2026-09-30',
      ownerOrgId: id('providerOrgId'),
    }),
  },
  'polku.transitions.follow-up.follow-up-completed.v1': {
    emitter: PROVIDER_WORKER,
    ground: LAWS.employmentServices,
    data: (id) => ({
      followUpId: id('firstFollowUpId'),
      statusNow: 'CHANGED',
      destination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
      contactMode: 'PHONE',
      helpGiven: ['JOB_APPLICATIONS', 'BENEFIT_APPLICATIONS'],
      confirmsDestination: true,
    }),
  },
  'polku.transitions.follow-up.follow-up-missed.v1': {
    emitter: timerOf('transitions:follow-up-timer'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      followUpId: id('secondFollowUpId'),
      dueDate: '2026-11-30',
      ownerOrgId: id('providerOrgId'),
      escalatedTo: 'MANAGER',
    }),
  },
  'polku.transitions.path.path-closed.v1': {
    emitter: PROVIDER_WORKER,
    ground: LAWS.employmentServices,
    data: () => ({
      confirmedDestination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
      closedAt: '2027-03-01T10:00:00.000Z',
    }),
  },
  'polku.transitions.measure.measure-ending-soon.v1': {
    emitter: timerOf('transitions:measure-end-timer'),
    ground: LAWS.rehabilitativeWorkActivity,
    data: (id) => ({
      measureId: id('measureId'),
      plannedEndDate: '2026-09-08',
      daysBefore: 14,
      checklist: [
        { item: 'STATEMENT', done: true },
        { item: 'NEXT_STEP_PLAN', done: false },
        { item: 'TRANSITION_MEETING', done: false },
      ],
    }),
  },
  'polku.transitions.wait.waiting-started.v1': {
    emitter: PROVIDER_WORKER,
    ground: UNDER_CONSENT,
    data: (id) => ({
      waitId: id('waitId'),
      waitingFor: 'BENEFIT_DECISION',
      waitingForOrgId: id('kelaOrgId'),
      thresholdBusinessDays: 20,
    }),
  },
  'polku.transitions.wait.wait-exceeded.v1': {
    emitter: timerOf('transitions:wait-timer'),
    ground: UNDER_CONSENT,
    data: (id) => ({
      waitId: id('waitId'),
      waitingFor: 'BENEFIT_DECISION',
      since: '2026-04-01',
      thresholdBusinessDays: 20,
    }),
  },
  'polku.transitions.wait.waiting-ended.v1': {
    emitter: PROVIDER_WORKER,
    ground: LAWS.employmentServices,
    data: (id) => ({ waitId: id('waitId'), endedOn: '2026-05-12' }),
  },
  'polku.transitions.path.provider-funding-ending.v1': {
    emitter: PROVIDER_WORKER,
    ground: LAWS.employmentServices,
    data: (id) => ({ providerOrgId: id('providerOrgId'), endDate: '2026-12-31' }),
  },
  'polku.transitions.path.responsible-worker-changed.v1': {
    emitter: PROVIDER_WORKER,
    ground: LAWS.employmentServices,
    data: (id) => ({
      orgId: id('providerOrgId'),
      fromWorkerId: id('workerId'),
      toWorkerId: id('otherWorkerId'),
      reasonCategory: 'TURNOVER',
    }),
  },
  'polku.transitions.path.next-step-overdue.v1': {
    emitter: timerOf('transitions:next-step-timer'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      nextStep: 'DECIDE_NEXT_STEP',
      dueDate: '2026-09-15',
      level: 'WORKER',
      accountableOrgId: id('providerOrgId'),
      businessDaysOverdue: 0,
    }),
  },
  'polku.transitions.path.next-step-set.v1': {
    emitter: PROVIDER_WORKER,
    ground: LAWS.employmentServices,
    data: (id) => ({
      state: 'IN_MEASURE',
      pathVersion: 7,
      accountableOrgId: id('providerOrgId'),
      workerId: id('workerId'),
      nextStep: 'PLAN_NEXT_STEP',
      dueDate: '2026-11-30',
    }),
  },
};
