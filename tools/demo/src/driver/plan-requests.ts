import {
  AgreePlanCommand,
  EndMeasureCommand,
  PauseMeasureCommand,
  RecordGoalProgressCommand,
  RevisePlanCommand,
  StartMeasureCommand,
} from '@polku/contracts';
import { addCalendarDays, addCalendarMonths } from '@polku/timers';
import type { GoalDraft, StepOf } from '../story/steps';
import { plannedEndOf } from './dates';
import type { PathRuntime, PlanView, StepContext } from './path-runtime';
import { need, type ApiRequest } from './request';
import { orgIdOf } from './workers';

/** The five levels of a goal attainment scale, in the client's words. */
const GAS_SCALE = {
  levelMinus2: 'En ole päässyt alkuun.',
  levelMinus1: 'Olen päässyt vähän eteenpäin.',
  level0: 'Saavutin tavoitteen.',
  levelPlus1: 'Pääsin vähän tavoitetta pidemmälle.',
  levelPlus2: 'Pääsin paljon tavoitetta pidemmälle.',
};

function goalInput(goal: GoalDraft) {
  return { text: goal.text, ...(goal.gas ? { gasScale: GAS_SCALE } : {}) };
}

export function agreePlanRequest(
  step: StepOf<'agreePlan'>,
  ctx: StepContext,
  path: PathRuntime,
): ApiRequest {
  return {
    method: 'POST',
    path: `/paths/${need(path.pathId, 'pathId')}/activation-plan`,
    bodyClass: AgreePlanCommand,
    body: {
      parties: step.parties.map((org) => ({ orgId: orgIdOf(org) })),
      clientAgreed: true,
      linkedPlans: step.linkedPlans.map((kind) => ({
        kind,
        reference: `TE-${ctx.on.slice(0, 4)}-${String(ctx.client + 1).padStart(4, '0')}`,
        heldByOrgId: orgIdOf('employmentArea'),
      })),
      goals: step.goals.map(goalInput),
    },
  };
}

/** Six months and a week from `on`, and always after the current review date. */
function nextReviewDate(on: string, current: PlanView): string {
  const next = addCalendarDays(addCalendarMonths(on, 6), 7);
  return next > current.reviewDate ? next : addCalendarDays(current.reviewDate, 1);
}

/** The current plan resent whole, with what the revision changes. */
export function revisePlanRequest(
  step: StepOf<'revisePlan'>,
  ctx: StepContext,
  path: PathRuntime,
): ApiRequest {
  const current: PlanView = need(path.plan, 'the current plan');
  const parties = current.parties.map((party) => party.orgId);
  const added = step.addParty === undefined ? undefined : orgIdOf(step.addParty);
  return {
    method: 'PUT',
    path: `/paths/${need(path.pathId, 'pathId')}/activation-plan`,
    bodyClass: RevisePlanCommand,
    body: {
      parties: [...new Set([...parties, ...(added === undefined ? [] : [added])])].map((orgId) => ({
        orgId,
      })),
      clientAgreed: true,
      linkedPlans: current.linkedPlans.map((linked) => ({
        kind: linked.kind,
        reference: linked.reference,
        ...(linked.heldByOrgId === null ? {} : { heldByOrgId: linked.heldByOrgId }),
      })),
      goals: [
        ...current.goals.map((goal) => ({
          goalId: goal.goalId,
          text: goal.text,
          ...(goal.gasScale === null ? {} : { gasScale: goal.gasScale }),
        })),
        ...(step.newGoal === undefined ? [] : [{ text: step.newGoal }]),
      ],
      // A scheduled review sets the next one, so that it is a change even on the day the plan
      // was agreed or last reviewed (a run without a simulated clock).
      ...(step.reason === 'SCHEDULED_REVIEW'
        ? { reviewDate: nextReviewDate(ctx.on, current) }
        : {}),
      reasonCategory: step.reason,
    },
    ifMatch: need(path.ifMatch, 'the plan’s version'),
  };
}

/** Progress of the plan's first goal with a GAS scale; undefined when the plan has none. */
export function goalProgressRequest(
  step: StepOf<'recordGoalProgress'>,
  path: PathRuntime,
): ApiRequest | undefined {
  const goal = need(path.plan, 'the current plan').goals.find((g) => g.gasScale !== null);
  if (goal === undefined) {
    return undefined;
  }
  return {
    method: 'POST',
    path: `/paths/${need(path.pathId, 'pathId')}/activation-plan/goals/${goal.goalId}/progress`,
    bodyClass: RecordGoalProgressCommand,
    body: { gasLevel: step.gasLevel, assessedBy: 'CLIENT_WITH_WORKER' },
  };
}

export function startMeasureRequest(
  step: StepOf<'startMeasure'>,
  ctx: StepContext,
  path: PathRuntime,
): ApiRequest {
  return {
    method: 'POST',
    path: `/paths/${need(path.pathId, 'pathId')}/measures`,
    bodyClass: StartMeasureCommand,
    body: {
      measureType: step.measure,
      placement:
        step.hostOrg === undefined
          ? { kind: 'IN_HOUSE' }
          : { kind: 'EXTERNAL_HOST', hostOrgId: orgIdOf(step.hostOrg) },
      schedule: {
        daysPerWeek: step.daysPerWeek,
        hoursPerDay: step.hoursPerDay,
        startDate: ctx.on,
        plannedEndDate: plannedEndOf(ctx.on, step.months),
      },
      ...(step.measure === 'PAY_SUBSIDISED_WORK' ? { contractType: 'FIXED_TERM' } : {}),
    },
  };
}

export function measureChangeRequest(
  step: StepOf<'pauseMeasure'> | StepOf<'resumeMeasure'> | StepOf<'endMeasure'>,
  ctx: StepContext,
  path: PathRuntime,
): ApiRequest {
  const route = `/paths/${need(path.pathId, 'pathId')}/measures/${need(path.measureId, 'a measure')}`;
  const ifMatch = need(path.measureEtag, 'the measure’s version');
  switch (step.kind) {
    case 'pauseMeasure':
      return {
        method: 'POST',
        path: `${route}/pause`,
        bodyClass: PauseMeasureCommand,
        body: {
          reasonCategory: step.reason,
          expectedResume: addCalendarDays(ctx.on, step.resumeInDays),
        },
        ifMatch,
      };
    case 'resumeMeasure':
      return { method: 'POST', path: `${route}/resume`, ifMatch };
    case 'endMeasure':
      return {
        method: 'POST',
        path: `${route}/end`,
        bodyClass: EndMeasureCommand,
        body: { endDate: ctx.on, endReason: step.reason },
        ifMatch,
      };
  }
}
