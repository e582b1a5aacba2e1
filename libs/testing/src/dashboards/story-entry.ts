import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CLIENT_REFERRED_V1,
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  GOAL_SET_V1,
  INTAKE_COMPLETED_V1,
  LINKED_PLAN_KINDS,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  type IntakeCompletedPayload,
  type PlanPartyRole,
} from '@polku/contracts';
import { addCalendarDays, addCalendarMonths, type IsoDate } from '@polku/timers';
import {
  AGE_BAND_WEIGHTS,
  MEASURE_TYPE_WEIGHTS,
  MUNICIPALITY_WEIGHTS,
  REFERRAL_DECLINE_WEIGHTS,
} from './distributions';
import { PATH_COURSE, type PathRecorder } from './path-recorder';
import {
  advance,
  anotherParty,
  emitterOf,
  escalateLateStep,
  workerIdOf,
  type Story,
} from './story-context';

/** The path this one continues when the client came back after an exit. */
export interface Return {
  readonly previousPathId: string;
  readonly monthsSinceExit: number;
  readonly loopCount: number;
}

/** The NextStepSet of the previous path when the client comes back on a new one. */
function reenter(previous: PathRecorder | undefined, at: Date): void {
  // transitions continues only a path in follow-up or unclear; a closed one stays closed.
  if (previous !== undefined && ['FOLLOW_UP', 'UNCLEAR_PATH'].includes(previous.current.state)) {
    previous.step(PATH_COURSE, { state: 'REENTERED', nextStep: undefined, dueDate: undefined }, at);
  }
}

/**
 * ClientReferred, answered by the provider: accepted, or declined and then, often, referred to
 * another provider. Answers false when the path stays with the referrer (declined, not re-referred).
 */
export function referAndAnswer(story: Story, comeback?: Return): boolean {
  const { random, rec, referrer } = story;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const at = rec.time(story.day);
    const referralId = random.uuid();
    rec.emit(CLIENT_REFERRED_V1.subject, at, emitterOf(referrer), {
      referralId,
      fromOrgId: referrer.org.orgId,
      toOrgId: story.owner.org.orgId,
      requestedMeasure: random.weighted(MEASURE_TYPE_WEIGHTS),
      reasonCategory: random.pick(['LONG_TERM_UNEMPLOYMENT', 'FUNCTIONAL_CAPACITY'] as const),
      fundingRef: { kind: 'ACTIVATION_PLAN', reference: `AP-${random.int(1000, 9999)}` },
      desiredStart: addCalendarDays(story.day, 14),
      identityVerified: true,
    });
    if (comeback !== undefined && attempt === 0) {
      rec.emit(CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject, at, emitterOf(referrer), {
        ...comeback,
      });
      reenter(story.previousPath, at);
    }
    const due = addCalendarDays(story.day, 14);
    rec.step(
      PATH_COURSE,
      {
        state: 'REFERRED',
        ...rec.owner(referrer.org, workerIdOf(referrer)),
        nextStep: 'ANSWER_REFERRAL',
        dueDate: due,
      },
      at,
    );
    const answeredOn = advance(story, 1, 12, 0.05);
    escalateLateStep(story, 'ANSWER_REFERRAL', due, answeredOn);
    if (!random.chance(attempt === 0 ? 0.15 : 0.1)) {
      const accepted = rec.time(answeredOn);
      rec.emit(REFERRAL_ACCEPTED_V1.subject, accepted, emitterOf(story.owner), {
        referralId,
        acceptedByOrgId: story.owner.org.orgId,
        expectedStart: addCalendarDays(answeredOn, 10),
      });
      rec.step(
        PATH_COURSE,
        {
          state: 'INTAKE',
          ...rec.owner(story.owner.org, workerIdOf(story.owner)),
          nextStep: 'COMPLETE_INTAKE',
          dueDate: addCalendarDays(answeredOn, 14),
        },
        accepted,
      );
      return true;
    }
    const declined = rec.time(answeredOn);
    rec.emit(REFERRAL_DECLINED_V1.subject, declined, emitterOf(story.owner), {
      referralId,
      declinedByOrgId: story.owner.org.orgId,
      reasonCategory: random.weighted(REFERRAL_DECLINE_WEIGHTS),
      // Free text the dashboards must never keep (COMMON data model: no free text).
      ...(random.chance(0.3) ? { alternativeSuggested: 'Kokeillaan työkokeilua' } : {}),
      returnTaskDueDate: addCalendarDays(answeredOn, 14),
    });
    rec.step(
      PATH_COURSE,
      { nextStep: 'FIND_NEW_SERVICE', dueDate: addCalendarDays(answeredOn, 14) },
      declined,
    );
    if (!random.chance(0.6)) {
      return false;
    }
    advance(story, 2, 20);
    story.owner = anotherParty(random, story.world.providers, story.owner.org);
  }
  return false;
}

/** IntakeCompleted with the client's age band and (mostly) a Kainuu municipality code. */
export function completeIntake(story: Story): void {
  const { random, rec } = story;
  const due = rec.current.dueDate ?? story.day;
  const day = advance(story, 2, 12, 0.04);
  escalateLateStep(story, 'COMPLETE_INTAKE', due, day);
  const at = rec.time(day);
  const municipality = random.weighted(MUNICIPALITY_WEIGHTS);
  const intake: IntakeCompletedPayload = {
    intakeId: random.uuid(),
    economicSituation: random.pick(['IN_ORDER', 'WEAK', 'VERY_WEAK'] as const),
    healthFlag: random.chance(0.4),
    housingSituation: random.pick(['OWN_HOME', 'WITH_PARENTS', 'SUPPORTED_HOUSING'] as const),
    relationships: 'SOME_CONCERN',
    lifeManagement: random.pick(['NO_CONCERN', 'SOME_CONCERN'] as const),
    educationLevel: random.pick(['BASIC_OR_LESS', 'VOCATIONAL'] as const),
    educationCurrency: 'OUTDATED',
    unemploymentDurationBand: random.pick(['DAYS_500_TO_999', 'DAYS_1000_OR_MORE'] as const),
    ageBand: random.weighted(AGE_BAND_WEIGHTS),
    ...(municipality === 'NONE' ? {} : { municipality }),
    languageAndIntegrationNeeds: [],
    currentBenefits: ['LABOUR_MARKET_SUBSIDY'],
    basics: {
      housing: 'IN_ORDER',
      benefits: 'IN_ORDER',
      permits: 'NOT_APPLICABLE',
      debts: random.pick(['IN_ORDER', 'OPEN'] as const),
      treatment: 'NOT_APPLICABLE',
    },
  };
  rec.emit(INTAKE_COMPLETED_V1.subject, at, emitterOf(story.owner), intake);
  story.intake = intake;
  rec.step(
    PATH_COURSE,
    { state: 'PLANNING', nextStep: 'AGREE_PLAN', dueDate: addCalendarDays(day, 14) },
    at,
  );
}

/**
 * ActivationPlanAgreed (`planVersion` 1, or the next at a review) with its goals: most plans
 * are agreed by the referrer (employment authority, social services), some by the provider.
 */
export function agreePlan(story: Story, planVersion: number, day: IsoDate): void {
  story.planVersion = planVersion;
  const { random, rec, referrer, owner } = story;
  const agreedBy = random.chance(0.7) ? referrer : owner;
  const at = rec.time(day);
  const parties: { orgId: string; role: PlanPartyRole }[] = [
    { orgId: referrer.org.orgId, role: referrer.org.role as PlanPartyRole },
    { orgId: owner.org.orgId, role: 'PROVIDER' },
  ];
  if (random.chance(0.2)) {
    const third = anotherParty(random, story.world.referrers, referrer.org);
    if (third.org !== referrer.org) {
      parties.push({ orgId: third.org.orgId, role: third.org.role as PlanPartyRole });
    }
  }
  rec.emit(ACTIVATION_PLAN_AGREED_V1.subject, at, emitterOf(agreedBy), {
    planId: story.planId,
    planVersion,
    parties,
    clientAgreed: random.chance(0.9),
    linkedPlans: random.some(LINKED_PLAN_KINDS, 3).map((kind) => ({
      kind,
      reference: `LP-${random.int(100, 999)}`,
    })),
    reviewDate: addCalendarMonths(day, 6),
  });
  if (planVersion > 1) {
    return;
  }
  story.planAgreedOn = day;
  for (let goal = random.chance(0.3) ? 2 : 1; goal > 0; goal -= 1) {
    const goalId = random.uuid();
    story.goals.push(goalId);
    rec.emit(GOAL_SET_V1.subject, at, emitterOf(agreedBy), {
      planId: story.planId,
      goalId,
      text: 'Päivärytmi kuntoon ja työkokeiluun',
    });
  }
  rec.step(PATH_COURSE, { nextStep: 'START_MEASURE', dueDate: addCalendarDays(day, 14) }, at);
}

/**
 * ActivationPlanRevised for the next step after a completed hand-off: the measures and the
 * parties change (the receiver joins), the plan gets its next version; then a measure can start.
 */
export function revisePlan(story: Story): void {
  const { random, rec, referrer, owner } = story;
  const day = advance(story, 2, 10);
  const at = rec.time(day);
  // Now and then another organisation joins the plan at the revision.
  const third = random.chance(0.3) ? anotherParty(random, story.world.referrers) : referrer;
  story.planVersion += 1;
  rec.emit(
    ACTIVATION_PLAN_REVISED_V1.subject,
    at,
    emitterOf(random.chance(0.7) ? referrer : owner),
    {
      planId: story.planId,
      planVersion: story.planVersion,
      changed: ['MEASURES', 'PARTIES'],
      reasonCategory: 'TRANSITION',
      reviewDate: addCalendarMonths(day, 6),
      parties: [
        { orgId: referrer.org.orgId, role: referrer.org.role as PlanPartyRole },
        { orgId: owner.org.orgId, role: 'PROVIDER' },
        ...(third.org === referrer.org
          ? []
          : [{ orgId: third.org.orgId, role: third.org.role as PlanPartyRole }]),
      ],
    },
  );
  rec.step(PATH_COURSE, { nextStep: 'START_MEASURE', dueDate: addCalendarDays(day, 14) }, at);
}

/** From the referral to an agreed plan; false when the path stops before the intake. */
export function enter(story: Story, comeback?: Return): boolean {
  if (!referAndAnswer(story, comeback)) {
    return false;
  }
  completeIntake(story);
  const due = story.rec.current.dueDate ?? story.day;
  const day = advance(story, 3, 13, 0.04);
  escalateLateStep(story, 'AGREE_PLAN', due, day);
  agreePlan(story, 1, day);
  return true;
}
