import { count, instant, wordList, words, type ContextDescriptions } from './summary-words';

/** The timeline entries of activation-plans' events. */
export const PLANS_DESCRIPTIONS: ContextDescriptions<'plans'> = {
  'polku.plans.plan.activation-plan-agreed.v1': {
    kind: 'PLAN',
    summary: (data) =>
      `Version ${data.planVersion} of the activation plan was agreed by ${count(data.parties.length, 'party', 'parties')}, ${data.clientAgreed ? 'with' : 'without'} the client’s agreement; review on ${data.reviewDate}.`,
  },
  'polku.plans.plan.activation-plan-revised.v1': {
    kind: 'PLAN',
    summary: (data) =>
      `The activation plan was revised to version ${data.planVersion} (${words(data.reasonCategory)}): ${wordList(data.changed)} changed; review on ${data.reviewDate}.`,
  },
  'polku.plans.plan.plan-review-due.v1': {
    kind: 'PLAN',
    summary: (data) => `The activation plan’s review is due on ${data.dueDate}.`,
  },
  'polku.plans.plan.plan-review-overdue.v1': {
    kind: 'ESCALATION',
    summary: (data) => `The activation plan’s review due on ${data.dueDate} is overdue.`,
  },
  'polku.plans.goal.goal-set.v1': {
    kind: 'GOAL',
    summary: (data) =>
      `A goal was set in the client’s own words${data.gasScale === undefined ? '' : ', with a GAS scale'}.`,
  },
  'polku.plans.goal.goal-progress-recorded.v1': {
    kind: 'GOAL',
    summary: (data) =>
      `Progress on a goal was recorded${data.gasLevel === undefined ? '' : ` at GAS level ${data.gasLevel}`} (assessed by ${words(data.assessedBy)}).`,
  },
  'polku.plans.measure.measure-started.v1': {
    kind: 'MEASURE',
    summary: (data) =>
      `A measure started: ${words(data.measureType)}, ${words(data.placement.kind)}, ${count(data.schedule.daysPerWeek, 'day')} a week from ${data.schedule.startDate} to ${data.schedule.plannedEndDate}.`,
  },
  'polku.plans.attendance.attendance-recorded.v1': {
    kind: 'ATTENDANCE',
    summary: (data) => `Attendance on ${data.date}: ${words(data.status)}.`,
  },
  'polku.plans.attendance.absence-reported.v1': {
    kind: 'ATTENDANCE',
    summary: (data) => `An absence on ${data.date} was reported (${words(data.reasonCategory)}).`,
  },
  // A pause is a flag only (HEALTH_FLAG): that it happened and its category, no detail.
  'polku.plans.measure.measure-paused.v1': {
    kind: 'PAUSE',
    summary: (data) => `The measure was paused (${words(data.reasonCategory)}).`,
  },
  'polku.plans.measure.measure-resumed.v1': {
    kind: 'PAUSE',
    summary: (data) => `The measure resumed on ${instant(data.resumedAt).slice(0, 10)}.`,
  },
  'polku.plans.measure.measure-ended.v1': {
    kind: 'MEASURE',
    summary: (data) => `The measure ended on ${data.endDate} (${words(data.endReason)}).`,
  },
  'polku.plans.statement.statement-requested.v1': {
    kind: 'STATEMENT',
    summary: (data) =>
      `A ${words(data.kind)} about the ${data.measureId === undefined ? 'plan' : 'measure'} was requested, due ${data.dueDate}.`,
  },
  'polku.plans.statement.statement-issued.v1': {
    kind: 'STATEMENT',
    summary: (data) => `The statement was issued on ${instant(data.issuedAt)}.`,
  },
};
