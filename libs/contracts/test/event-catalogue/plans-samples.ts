import { caseworkerOf, LAWS, timerOf, UNDER_CONSENT, type ContextSamples } from './sample-parts';

const PLAN_REVIEW_TIMER = timerOf('activation-plans:plan-review-timer');

/** A valid sample of every plans event, as activation-plans writes them. */
export const PLANS_SAMPLES: ContextSamples<'plans'> = {
  'polku.plans.plan.activation-plan-agreed.v1': {
    emitter: caseworkerOf('employmentAuthorityOrgId', 'EMPLOYMENT_AUTHORITY'),
    ground: LAWS.rehabilitativeWorkActivity,
    data: (id) => ({
      planId: id('planId'),
      planVersion: 1,
      parties: [
        { orgId: id('employmentAuthorityOrgId'), role: 'EMPLOYMENT_AUTHORITY' },
        { orgId: id('socialServicesOrgId'), role: 'SOCIAL_SERVICES' },
        { orgId: id('providerOrgId'), role: 'PROVIDER' },
      ],
      clientAgreed: true,
      linkedPlans: [
        {
          kind: 'EMPLOYMENT_PLAN',
          reference: 'TP-2026-04711',
          heldByOrgId: id('employmentAuthorityOrgId'),
        },
        { kind: 'COACHING_PLAN', reference: 'VS-0042' },
      ],
      reviewDate: '2026-09-01',
    }),
  },
  // Without parties: a revision that names none keeps the plan's parties (and access) as agreed.
  'polku.plans.plan.activation-plan-revised.v1': {
    emitter: caseworkerOf('employmentAuthorityOrgId', 'EMPLOYMENT_AUTHORITY'),
    ground: LAWS.rehabilitativeWorkActivity,
    data: (id) => ({
      planId: id('planId'),
      planVersion: 2,
      changed: ['MEASURES', 'REVIEW_DATE'],
      reasonCategory: 'TRANSITION',
      reviewDate: '2026-12-01',
    }),
  },
  'polku.plans.plan.plan-review-due.v1': {
    emitter: PLAN_REVIEW_TIMER,
    ground: LAWS.rehabilitativeWorkActivity,
    data: (id) => ({ planId: id('planId'), dueDate: '2026-09-01' }),
  },
  'polku.plans.plan.plan-review-overdue.v1': {
    emitter: PLAN_REVIEW_TIMER,
    ground: LAWS.rehabilitativeWorkActivity,
    data: (id) => ({ planId: id('planId'), dueDate: '2026-09-01' }),
  },
  'polku.plans.goal.goal-set.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: UNDER_CONSENT,
    data: (id) => ({
      planId: id('planId'),
      goalId: id('goalId'),
      text: 'Haluan päästä aamuisin ajoissa töihin ja jaksaa koko päivän.',
      gasScale: {
        levelMinus2: 'En käy työtoiminnassa ollenkaan.',
        levelMinus1: 'Käyn yhtenä päivänä viikossa.',
        level0: 'Käyn kahtena päivänä viikossa ajoissa.',
        levelPlus1: 'Käyn kolmena päivänä viikossa ajoissa.',
        levelPlus2: 'Käyn neljänä päivänä viikossa ajoissa.',
      },
    }),
  },
  'polku.plans.goal.goal-progress-recorded.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: UNDER_CONSENT,
    data: (id) => ({
      goalId: id('goalId'),
      gasLevel: -1,
      recordedAt: '2026-04-15T10:30:00.000Z',
      assessedBy: 'CLIENT_WITH_WORKER',
    }),
  },
  'polku.plans.measure.measure-started.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: LAWS.rehabilitativeWorkActivity,
    data: (id) => ({
      measureId: id('measureId'),
      planId: id('planId'),
      measureType: 'REHABILITATIVE_WORK_ACTIVITY',
      placement: { kind: 'EXTERNAL_HOST', hostOrgId: id('hostOrgId') },
      schedule: {
        daysPerWeek: 3,
        hoursPerDay: 4,
        startDate: '2026-03-09',
        plannedEndDate: '2026-09-08',
      },
    }),
  },
  'polku.plans.attendance.attendance-recorded.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: LAWS.rehabilitativeWorkActivity,
    data: (id) => ({ measureId: id('measureId'), date: '2026-03-10', status: 'PRESENT' }),
  },
  'polku.plans.attendance.absence-reported.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: LAWS.rehabilitativeWorkActivity,
    data: (id) => ({
      measureId: id('measureId'),
      date: '2026-03-11',
      reasonCategory: 'OFFICIAL_APPOINTMENT',
    }),
  },
  'polku.plans.measure.measure-paused.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: UNDER_CONSENT,
    data: (id) => ({
      measureId: id('measureId'),
      reasonCategory: 'HEALTH_CARE_MEASURE',
      pausedAt: '2026-05-04T06:00:00.000Z',
      expectedResume: '2026-06-01',
    }),
  },
  'polku.plans.measure.measure-resumed.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: UNDER_CONSENT,
    data: (id) => ({ measureId: id('measureId'), resumedAt: '2026-06-01T06:00:00.000Z' }),
  },
  'polku.plans.measure.measure-ended.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: LAWS.rehabilitativeWorkActivity,
    data: (id) => ({ measureId: id('measureId'), endDate: '2026-09-08', endReason: 'COMPLETED' }),
  },
  'polku.plans.statement.statement-requested.v1': {
    emitter: caseworkerOf('kelaOrgId', 'KELA'),
    ground: LAWS.employmentServices,
    data: (id) => ({
      statementId: id('statementId'),
      measureId: id('measureId'),
      kind: 'COACHING_SUMMARY',
      requestedByOrgId: id('kelaOrgId'),
      dueDate: '2026-09-22',
    }),
  },
  'polku.plans.statement.statement-issued.v1': {
    emitter: caseworkerOf('providerOrgId', 'PROVIDER'),
    ground: LAWS.employmentServices,
    data: (id) => ({ statementId: id('statementId'), issuedAt: '2026-09-18T12:00:00.000Z' }),
  },
};
