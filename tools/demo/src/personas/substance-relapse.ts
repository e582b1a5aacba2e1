import { exitWithFollowUps } from '../story/exit-phase';
import { intake, measure, meeting, plan, referral } from '../story/phases';
import type { StoryBuilder } from '../story/story-builder';
import type { OrgKey } from '../story/steps';
import { situation, type Persona } from './persona';

/**
 * Persona 6 (docs/domain.md §9): a client who relapses into substance use. The measure is
 * paused, not ended: a network meeting decides the pause, substance services start alongside
 * (the client waits for them), and the measure resumes; one in five relapses twice.
 */
export const substanceRelapse: Persona = {
  key: 'substance-relapse',
  title: 'Relapse into substance use: paused, not ended',
  weight: 10,
  ageRange: [30, 55],
  destinations: {
    larger: [
      ['UNEMPLOYED', 35],
      ['HEALTH_CARE', 20],
      ['REHABILITATION', 10],
      ['UNCLEAR', 20],
      ['PAY_SUBSIDY', 10],
      ['OPEN_LABOUR_MARKET', 5],
    ],
    smaller: [
      ['UNEMPLOYED', 78],
      ['HEALTH_CARE', 7],
      ['UNCLEAR', 10],
      ['OPEN_LABOUR_MARKET', 5],
    ],
  },
  write(b, client) {
    const r = b.random;
    const provider = referral(b, {
      referrer: 'socialServices',
      provider: r.chance(0.7) ? 'tyonsilta' : 'kumppaniksi',
      measure: 'REHABILITATIVE_WORK_ACTIVITY',
      reason: 'FUNCTIONAL_CAPACITY',
      funding: 'ACTIVATION_PLAN',
    });
    if (provider === undefined) {
      return;
    }
    intake(
      b,
      provider,
      situation({
        economicSituation: r.chance(0.5) ? 'VERY_WEAK' : 'WEAK',
        healthFlag: true,
        housingSituation: r.pick(['OWN_HOME', 'SUPPORTED_HOUSING', 'NO_OWN_HOME'] as const),
        relationships: r.chance(0.5) ? 'SIGNIFICANT_CONCERN' : 'SOME_CONCERN',
        lifeManagement: 'SIGNIFICANT_CONCERN',
        educationLevel: r.chance(0.5) ? 'BASIC_OR_LESS' : 'VOCATIONAL',
        unemploymentDurationBand: r.chance(0.5) ? 'DAYS_1000_OR_MORE' : 'DAYS_500_TO_999',
        currentBenefits: ['LABOUR_MARKET_SUBSIDY', 'SOCIAL_ASSISTANCE'],
      }),
    );
    plan(
      b,
      provider,
      ['socialServices', 'employmentArea'],
      [{ text: 'Pysyn päihteettömänä ja käyn työtoiminnassa.', gas: true }],
    );
    const pauses = r.chance(0.2) ? [r.int(30, 90), r.int(30, 60)] : [r.int(30, 90)];
    const during = pauses.map((days, index) => ({
      at: 0.25 + 0.35 * index,
      write: (builder: StoryBuilder) => relapse(builder, provider, days),
    }));
    measure(
      b,
      provider,
      {
        measure: {
          measure: 'REHABILITATIVE_WORK_ACTIVITY',
          months: r.int(9, 18),
          daysPerWeek: 3,
          hoursPerDay: r.pick([4, 5]),
        },
        during,
        endReason: r.chance(0.15) ? 'INTERRUPTED' : 'COMPLETED',
        gasLevel: r.weighted([
          [-2, 2],
          [-1, 3],
          [0, 3],
          [1, 2],
        ]),
      },
      pauses.reduce((sum, days) => sum + days, 0),
    );
    b.after(1, 4);
    exitWithFollowUps(b, provider, client.exitTo, {
      missChance: 0.2,
      laterDestinations: ['UNEMPLOYED', 'HEALTH_CARE'],
    });
  },
};

/** The pause decided in a network meeting, substance services and the wait for them, the resume. */
function relapse(b: StoryBuilder, provider: OrgKey, days: number): void {
  meeting(
    b,
    provider,
    {
      meetingKind: 'PROGRESS_MEETING',
      orgs: ['socialServices', 'healthCentre'],
      inDays: b.random.int(1, 3),
      forHandoff: false,
    },
    { decisions: ['PAUSE'], clientPresent: b.random.chance(0.7) },
  );
  b.step('pauseMeasure', provider, { reason: 'HEALTH_CARE_MEASURE', resumeInDays: days });
  const pausedOn = b.day;
  b.step('referParallelService', provider, {
    service: 'SUBSTANCE_SERVICES',
    toOrg: 'healthCentre',
  });
  b.step('startWait', provider, {
    waitingFor: 'SUBSTANCE_ABUSE_SERVICE',
    waitingForOrg: 'healthCentre',
    thresholdBusinessDays: 20,
  });
  b.after(5, 25).step('endWait', provider, {});
  b.on(pausedOn + days - b.random.int(0, 4)).step('resumeMeasure', provider, {});
}
