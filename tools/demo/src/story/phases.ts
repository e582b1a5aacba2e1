import type {
  FundingKind,
  MeasureType,
  MeetingParticipantRole,
  ReferralReasonCategory,
} from '@polku/contracts';
import { exitWithFollowUps } from './exit-phase';
import type { StoryBuilder } from './story-builder';
import type { GoalDraft, IntakeSituation, OrgKey, StepParams } from './steps';

// The parts every path has, written once: the referral (sometimes declined and sent to the other
// provider), the intake, the plan, a measure with its scheduled plan reviews, and a network
// meeting. Day ranges stay inside polku's default deadlines (docs/transitions.md, "Defaults"):
// a referral is answered, the intake done and the plan agreed within 10 business days.

/** The roles each kind of organisation sends to a network meeting. */
export const MEETING_ROLES: Readonly<Record<OrgKey, readonly MeetingParticipantRole[]>> = {
  employmentArea: ['EMPLOYMENT_COUNSELLOR'],
  socialServices: ['SOCIAL_WORKER'],
  typ: ['TYP_WORKER'],
  tyonsilta: ['INSTRUCTOR', 'WORK_COACH'],
  kumppaniksi: ['INDIVIDUAL_COACH'],
  healthCentre: ['HEALTH_CARE_PROFESSIONAL'],
};

export function otherProvider(provider: OrgKey): OrgKey {
  return provider === 'tyonsilta' ? 'kumppaniksi' : 'tyonsilta';
}

export interface ReferralPlan {
  readonly referrer: OrgKey;
  readonly provider: OrgKey;
  readonly measure: MeasureType;
  readonly reason: ReferralReasonCategory;
  readonly funding: FundingKind;
  readonly languageSupport?: boolean;
  /** Probability that the first provider declines (then the other one is asked). */
  readonly declineChance?: number;
  readonly newPath?: boolean;
}

/**
 * The referral and its answer; returns the provider that accepted, or undefined when the story
 * ends with the declined referral.
 *
 * A declined referral cannot be sent again on the same path: the demo's clients have artificial
 * identity codes, so polku registers each referral of them as a new unverified client on a new
 * path (docs/identity.md), and the declined path would wait in REFERRED until it is lost. So the
 * referrer records where the client is (an unemployed job-seeker; "not everyone finds a place")
 * and follows up; half of them are referred again after that, on a new path, to the other
 * provider.
 */
export function referral(b: StoryBuilder, plan: ReferralPlan): OrgKey | undefined {
  const refer = (toOrg: OrgKey, newPath: boolean): void => {
    b.step('refer', plan.referrer, {
      toOrg,
      measure: plan.measure,
      reason: plan.reason,
      funding: plan.funding,
      // Filled in when the story is finished: every organisation the path will reach.
      consentOrgs: [],
      languageSupport: plan.languageSupport ?? false,
      newPath,
    });
  };
  refer(plan.provider, plan.newPath ?? false);
  let provider = plan.provider;
  if (b.random.chance(plan.declineChance ?? 0.05)) {
    b.after(2, 8).step('declineReferral', provider, {
      reason: b.random.weighted([
        ['NO_CAPACITY', 5],
        ['NOT_SUITABLE_MEASURE', 3],
        ['CLIENT_DID_NOT_ATTEND', 1],
      ]),
    });
    b.after(2, 7);
    const closed = exitWithFollowUps(b, plan.referrer, 'UNEMPLOYED', { missChance: 0.1 });
    if (!closed || !b.random.chance(0.5)) {
      return undefined;
    }
    provider = otherProvider(provider);
    b.after(20, 60);
    refer(provider, true);
  }
  b.after(1, 7).step('acceptReferral', provider, { startInDays: b.random.int(7, 21) });
  return provider;
}

/** The intake a few days after the acceptance. */
export function intake(b: StoryBuilder, provider: OrgKey, situation: IntakeSituation): void {
  b.after(3, 10).step('completeIntake', provider, { situation });
}

/** The activation plan, agreed by the provider with the referrer (and others). */
export function plan(
  b: StoryBuilder,
  provider: OrgKey,
  parties: readonly OrgKey[],
  goals: readonly GoalDraft[],
): void {
  b.after(3, 10).step('agreePlan', provider, {
    parties: [...new Set([provider, ...parties])],
    goals,
    linkedPlans: b.random.chance(0.4) ? ['EMPLOYMENT_PLAN'] : [],
  });
}

export interface MeasurePlan {
  readonly measure: StepParams['startMeasure'];
  /** A day within the measure, as a share of its length, and what happens then. */
  readonly during?: readonly { at: number; write: (b: StoryBuilder) => void }[];
  readonly endReason?: StepParams['endMeasure']['reason'];
  /** GAS level recorded at the end of the measure, when the plan has a GAS goal. */
  readonly gasLevel?: number;
}

/** Days of a period of `months` months that are surely inside it wherever it starts. */
export function safeDaysOf(months: number): number {
  return Math.floor(months * 30.4) - 5;
}

/**
 * A measure from its start to its end, with a scheduled plan review every six months while it
 * runs (the plan's default review interval), and what the persona does during it. Ends a few
 * days before its planned end; the planned end moves with a pause, which `during` steps may add
 * to `extraDays`.
 */
export function measure(b: StoryBuilder, provider: OrgKey, plan: MeasurePlan, extraDays = 0): void {
  b.after(3, 10).step('startMeasure', provider, plan.measure);
  const start = b.day;
  const length = safeDaysOf(plan.measure.months) - b.random.int(3, 15) + extraDays;
  const events: { day: number; write: (b: StoryBuilder) => void }[] = (plan.during ?? []).map(
    ({ at, write }) => ({ day: start + Math.round(at * length), write }),
  );
  for (let review = start + 170; review < start + length - 10; review += 180) {
    events.push({
      day: review,
      write: (builder) => builder.step('revisePlan', provider, { reason: 'SCHEDULED_REVIEW' }),
    });
  }
  for (const event of events.sort((a, c) => a.day - c.day)) {
    event.write(b.on(event.day));
  }
  b.on(start + length);
  if (plan.gasLevel !== undefined) {
    b.step('recordGoalProgress', provider, { gasLevel: plan.gasLevel });
  }
  b.step('endMeasure', provider, { reason: plan.endReason ?? 'COMPLETED' });
}

/** A network meeting scheduled now, held `inDays` later and recorded the day after. */
export function meeting(
  b: StoryBuilder,
  convenor: OrgKey,
  params: Omit<StepParams['scheduleMeeting'], 'invitees'> & { readonly orgs: readonly OrgKey[] },
  record: StepParams['recordMeeting'],
): void {
  const orgs = [...new Set([convenor, ...params.orgs])];
  b.step('scheduleMeeting', convenor, {
    meetingKind: params.meetingKind,
    invitees: orgs.map((org) => ({ org, roles: MEETING_ROLES[org] })),
    inDays: params.inDays,
    forHandoff: params.forHandoff,
  });
  b.after(params.inDays + 1).step('recordMeeting', convenor, record);
}
