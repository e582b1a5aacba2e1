import { DEMO_ORGANISATIONS } from '@polku/demo';

const ACTIVATION_PLAN = {
  parties: [
    { orgId: DEMO_ORGANISATIONS.employmentArea.id, role: 'EMPLOYMENT_AUTHORITY' },
    { orgId: DEMO_ORGANISATIONS.tyonsilta.id, role: 'PROVIDER' },
  ],
  clientAgreed: true,
  linkedPlans: [{ kind: 'EMPLOYMENT_PLAN', reference: 'TS-2026-118' }],
  reviewDate: '2027-06-01',
  goals: [{ text: 'Pystyn olemaan työtoiminnassa kolme päivää viikossa.' }],
};

/**
 * A valid body for every command of the gateway, keyed by `METHOD /url-template`; `null` for a
 * command that takes no body. The authorisation matrix calls each command with it, the fuzzing
 * test mutates it; both fail when a new command has no entry here.
 */
export const VALID_COMMAND_BODIES: Readonly<Record<string, Record<string, unknown> | null>> = {
  'POST /api/v1/referrals': {
    client: {
      personalIdentityCode: '131052-308T',
      givenNames: 'Matrix',
      familyName: 'Testinen',
      language: 'fi',
      addressProtected: false,
    },
    toOrgId: DEMO_ORGANISATIONS.tyonsilta.id,
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-1' },
    desiredStart: '2027-01-07',
  },
  'POST /api/v1/paths/:pathId/referrals/:referralId/acceptance': { expectedStart: '2027-01-14' },
  'POST /api/v1/paths/:pathId/referrals/:referralId/decline': { reasonCategory: 'NO_CAPACITY' },
  'POST /api/v1/paths/:pathId/consents': {
    orgIds: [DEMO_ORGANISATIONS.tyonsilta.id],
    dataClasses: ['PLAN'],
    howGiven: 'WRITTEN',
    purpose: 'CLIENT_WORK',
  },
  'POST /api/v1/paths/:pathId/consents/:consentId/withdrawal': { onClientRequest: true },
  'POST /api/v1/paths/:pathId/referral-links': {
    referralId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  },
  'POST /api/v1/paths/:pathId/client/identity-code': { personalIdentityCode: '131052-308T' },
  'POST /api/v1/paths/:pathId/client/links': {
    duplicateRef: '7a2d3b4c-5e6f-4071-8b8c-0d1e2f3a4b5c',
  },
  'POST /api/v1/paths/:pathId/client/links/:linkId/removal': null,
  'POST /api/v1/paths/:pathId/action-items/:actionItemId/resolution': { resolution: 'IN_ORDER' },
  'POST /api/v1/paths/:pathId/intake': {
    economicSituation: 'WEAK',
    healthFlag: false,
    housingSituation: 'OWN_HOME',
    relationships: 'NO_CONCERN',
    lifeManagement: 'NO_CONCERN',
    educationLevel: 'VOCATIONAL',
    educationCurrency: 'UP_TO_DATE',
    unemploymentDurationBand: 'DAYS_500_TO_999',
    ageBand: 'AGE_30_39',
    languageAndIntegrationNeeds: [],
    currentBenefits: [],
    basics: {
      housing: 'IN_ORDER',
      benefits: 'IN_ORDER',
      permits: 'NOT_APPLICABLE',
      debts: 'IN_ORDER',
      treatment: 'IN_ORDER',
    },
    basicNeedIssues: [],
  },
  'POST /api/v1/paths/:pathId/parallel-services': { service: 'DEBT_COUNSELLING' },
  'PUT /api/v1/organisations/:orgId': {
    name: 'Kainuun Nuotta ry',
    role: 'PROVIDER',
    active: true,
  },
  'POST /api/v1/dev-auth/token': { username: 'tiina.tyollisyys' },
  'POST /api/v1/paths/:pathId/activation-plan': ACTIVATION_PLAN,
  'PUT /api/v1/paths/:pathId/activation-plan': {
    ...ACTIVATION_PLAN,
    reviewDate: '2027-09-01',
    reasonCategory: 'CLIENT_SITUATION_CHANGED',
    note: 'Työkokeilu siirtyy syksyyn.',
  },
  'POST /api/v1/paths/:pathId/activation-plan/goals/:goalId/progress': {
    gasLevel: 0,
    assessedBy: 'CLIENT_WITH_WORKER',
  },
  'POST /api/v1/paths/:pathId/measures': {
    measureType: 'REHABILITATIVE_WORK_ACTIVITY',
    placement: { kind: 'IN_HOUSE' },
    schedule: {
      daysPerWeek: 3,
      hoursPerDay: 6,
      startDate: '2027-01-11',
      plannedEndDate: '2027-07-10',
    },
  },
  'POST /api/v1/paths/:pathId/measures/:measureId/attendance': {
    date: '2027-01-12',
    status: 'PRESENT',
  },
  'POST /api/v1/paths/:pathId/measures/:measureId/absences': {
    date: '2027-01-13',
    reasonCategory: 'SICK',
  },
  'POST /api/v1/paths/:pathId/measures/:measureId/pause': {
    reasonCategory: 'WAITING',
    expectedResume: '2027-03-01',
  },
  'POST /api/v1/paths/:pathId/measures/:measureId/resume': null,
  'POST /api/v1/paths/:pathId/measures/:measureId/end': {
    endDate: '2027-07-10',
    endReason: 'COMPLETED',
  },
  'POST /api/v1/paths/:pathId/statements': { kind: 'STATEMENT', dueDate: '2027-02-15' },
  'POST /api/v1/paths/:pathId/statements/:statementId/issue': null,
  'POST /api/v1/paths/:pathId/hand-offs': {
    destination: { group: 'CONTINUATION', category: 'ANOTHER_VTM_MEASURE' },
    receivingOrgId: DEMO_ORGANISATIONS.kumppaniksi.id,
    proposedDate: '2027-08-02',
    rationaleCategory: 'NEXT_MEASURE_IN_PLAN',
    proposedBy: 'WORKER',
  },
  'POST /api/v1/paths/:pathId/hand-offs/:handoffId/acceptance': { startDate: '2027-08-02' },
  'POST /api/v1/paths/:pathId/hand-offs/:handoffId/decline': {
    reasonCategory: 'NO_CAPACITY',
    alternativeCategory: 'LATER_START',
  },
  'POST /api/v1/paths/:pathId/hand-offs/:handoffId/completion': {},
  'POST /api/v1/paths/:pathId/exit': {
    destination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
    confirmed: true,
    exitDate: '2027-07-30',
  },
  'POST /api/v1/paths/:pathId/follow-ups/:followUpId/completion': {
    statusNow: 'SAME',
    contactMode: 'PHONE',
    helpGiven: ['NONE'],
    confirmsDestination: true,
  },
  'POST /api/v1/paths/:pathId/closure': {},
  'POST /api/v1/paths/:pathId/unclear-path-review': { nextReviewDate: '2027-09-15' },
  'POST /api/v1/paths/:pathId/responsible-worker': {
    toWorkerId: 'usr_7b1d4e08',
    reasonCategory: 'TURNOVER',
  },
  'POST /api/v1/paths/:pathId/follow-ups/re-home': {
    toOrgId: DEMO_ORGANISATIONS.employmentArea.id,
    toWorkerId: 'usr_7b1d4e08',
  },
  'POST /api/v1/paths/:pathId/waits': { waitingFor: 'DEBT_COUNSELLING' },
  'POST /api/v1/paths/:pathId/waits/:waitId/end': null,
  'POST /api/v1/organisations/:orgId/funding-ending': { endDate: '2027-12-31' },
  'POST /api/v1/paths/:pathId/meetings': {
    kind: 'PROGRESS_MEETING',
    convenor: 'ORGANISATION',
    invitees: [
      { orgId: DEMO_ORGANISATIONS.tyonsilta.id, roles: ['INSTRUCTOR'] },
      { orgId: DEMO_ORGANISATIONS.employmentArea.id, roles: ['EMPLOYMENT_COUNSELLOR'] },
    ],
    startsAt: '2027-02-01T08:00:00.000Z',
    endsAt: '2027-02-01T09:30:00.000Z',
    venue: 'ORGANISATION_PREMISES',
    venueOrgId: DEMO_ORGANISATIONS.tyonsilta.id,
  },
  'POST /api/v1/paths/:pathId/meetings/:meetingId/cancellation': { reason: 'RESCHEDULED' },
  'POST /api/v1/paths/:pathId/meetings/:meetingId/record': {
    heldAt: '2026-11-30T09:05:00.000Z',
    endedAt: '2026-11-30T10:20:00.000Z',
    participants: [{ orgId: DEMO_ORGANISATIONS.tyonsilta.id, roles: ['INSTRUCTOR'] }],
    clientPresent: true,
    decisions: [{ kind: 'PLAN_CHANGE' }],
    agreedNextSteps: [
      {
        description: 'Book a work-ability assessment',
        ownerOrgId: DEMO_ORGANISATIONS.tyonsilta.id,
        ownerWorkerId: 'usr_7b1d4e08',
        dueDate: '2027-12-15',
      },
    ],
  },
  'POST /api/v1/paths/:pathId/agreed-steps': {
    description: 'Call the work trial host',
    ownerOrgId: DEMO_ORGANISATIONS.tyonsilta.id,
    ownerWorkerId: 'usr_7b1d4e08',
    dueDate: '2027-12-15',
  },
  'POST /api/v1/paths/:pathId/agreed-steps/:actionItemId/completion': null,
  'POST /api/v1/paths/:pathId/client-voice': {
    kind: 'OWN_GOALS',
    author: 'CLIENT',
    text: 'Haluan takaisin töihin.',
    visibility: 'WHOLE_NETWORK',
  },
  'POST /api/v1/paths/:pathId/meetings/:meetingId/decisions/:decisionId/link': {
    eventId: '0190d6b4-5a1e-7c3d-9e2f-4a5b6c7d8e9f',
  },
  'POST /api/v1/work-queue/read': { itemIds: ['0190d6b4-5a1e-7c3d-9e2f-4a5b6c7d8e90'] },
  'PUT /api/v1/me/notification-settings': {
    frequency: 'DAILY',
    email: 'tyontekija@example.fi',
  },
};
