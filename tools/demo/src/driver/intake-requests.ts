import {
  AcceptReferralCommand,
  type AgeBand,
  CompleteIntakeCommand,
  CreateReferralCommand,
  DeclineReferralCommand,
  ReferParallelServiceCommand,
  ResolveBasicNeedCommand,
} from '@polku/contracts';
import { addCalendarDays } from '@polku/timers';
import { ageOn } from '../people/person';
import type { StepOf } from '../story/steps';
import type { PathRuntime, StepContext } from './path-runtime';
import type { ApiRequest } from './request';
import { need } from './request';
import { orgIdOf } from './workers';

const FUNDING_PREFIX = {
  ACTIVATION_PLAN: 'AP',
  KELA_PAYMENT_COMMITMENT: 'KELA',
  PAY_SUBSIDY_DECISION: 'PT',
} as const;

/** The intake's age band of an age in years. */
export function ageBandOf(age: number): AgeBand {
  const bands: readonly [number, AgeBand][] = [
    [60, 'AGE_60_OR_OVER'],
    [50, 'AGE_50_59'],
    [40, 'AGE_40_49'],
    [30, 'AGE_30_39'],
    [25, 'AGE_25_29'],
    [18, 'AGE_18_24'],
  ];
  return bands.find(([from]) => age >= from)?.[1] ?? 'UNDER_18';
}

export function referRequest(step: StepOf<'refer'>, ctx: StepContext): ApiRequest {
  const { person } = ctx;
  return {
    method: 'POST',
    path: '/referrals',
    bodyClass: CreateReferralCommand,
    body: {
      client: {
        personalIdentityCode: person.personalIdentityCode,
        givenNames: person.givenNames,
        familyName: person.familyName,
        language: person.language,
        addressProtected: false,
      },
      toOrgId: orgIdOf(step.toOrg),
      requestedMeasure: step.measure,
      reasonCategory: step.reason,
      fundingRef: {
        kind: step.funding,
        reference: `${FUNDING_PREFIX[step.funding]}-${ctx.on.slice(0, 4)}-${String(ctx.client + 1).padStart(4, '0')}`,
      },
      desiredStart: addCalendarDays(ctx.on, 14),
      consent: {
        orgIds: step.consentOrgs.map(orgIdOf),
        dataClasses: ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG'],
        howGiven: 'WRITTEN',
        purpose: 'REFERRAL',
      },
      ...(step.languageSupport ? { priorInformation: { languageSupportNeeded: true } } : {}),
    },
  };
}

export function answerReferralRequest(
  step: StepOf<'acceptReferral'> | StepOf<'declineReferral'>,
  ctx: StepContext,
  path: PathRuntime,
): ApiRequest {
  const route = `/paths/${need(path.pathId, 'pathId')}/referrals/${need(path.referralId, 'referralId')}`;
  return step.kind === 'acceptReferral'
    ? {
        method: 'POST',
        path: `${route}/acceptance`,
        bodyClass: AcceptReferralCommand,
        body: { expectedStart: addCalendarDays(ctx.on, step.startInDays) },
        ifMatch: need(path.ifMatch, 'the referral’s version'),
      }
    : {
        method: 'POST',
        path: `${route}/decline`,
        bodyClass: DeclineReferralCommand,
        body: { reasonCategory: step.reason },
        ifMatch: need(path.ifMatch, 'the referral’s version'),
      };
}

export function intakeRequest(
  step: StepOf<'completeIntake'>,
  ctx: StepContext,
  path: PathRuntime,
): ApiRequest {
  const { issues, ...situation } = step.situation;
  return {
    method: 'POST',
    path: `/paths/${need(path.pathId, 'pathId')}/intake`,
    bodyClass: CompleteIntakeCommand,
    body: {
      ...situation,
      ageBand: ageBandOf(ageOn(ctx.person.birthDate, ctx.on)),
      municipality: ctx.person.municipality,
      basicNeedIssues: issues.map((issue) => ({
        kind: issue.kind,
        ownerOrgId: orgIdOf(issue.owner),
        dueDate: addCalendarDays(ctx.on, 30),
      })),
    },
  };
}

export function parallelServiceRequest(
  step: StepOf<'referParallelService'>,
  path: PathRuntime,
): ApiRequest {
  return {
    method: 'POST',
    path: `/paths/${need(path.pathId, 'pathId')}/parallel-services`,
    bodyClass: ReferParallelServiceCommand,
    body: {
      service: step.service,
      ...(step.toOrg === undefined ? {} : { toOrgId: orgIdOf(step.toOrg) }),
    },
  };
}

export function resolveBasicNeedRequest(
  step: StepOf<'resolveBasicNeed'>,
  path: PathRuntime,
): ApiRequest {
  return {
    method: 'POST',
    path: `/paths/${need(path.pathId, 'pathId')}/action-items/${need(path.actionItemId, 'an open action item')}/resolution`,
    bodyClass: ResolveBasicNeedCommand,
    body: { resolution: step.resolution },
    ifMatch: need(path.ifMatch, 'the action item’s version'),
  };
}
