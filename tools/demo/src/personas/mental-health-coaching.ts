import { exitWithFollowUps } from '../story/exit-phase';
import { intake, measure, meeting, plan, referral } from '../story/phases';
import type { StoryBuilder } from '../story/story-builder';
import { situation, type Persona } from './persona';

/**
 * Persona 4 (docs/domain.md §9): a mental-health rehabilitee living alone. Kela job coaching
 * under Kela's payment commitment, mental-health services alongside, a pause for treatment in
 * a quarter of the paths.
 */
export const mentalHealthCoaching: Persona = {
  key: 'mental-health-coaching',
  title: 'Mental-health rehabilitee living alone, Kela job coaching',
  weight: 10,
  ageRange: [25, 49],
  destinations: {
    larger: [
      ['OPEN_LABOUR_MARKET', 20],
      ['PAY_SUBSIDY', 20],
      ['REHABILITATION', 15],
      ['HEALTH_CARE', 10],
      ['UNEMPLOYED', 30],
      ['SELF_MOTIVATED_STUDIES', 5],
    ],
    smaller: [
      ['OPEN_LABOUR_MARKET', 8],
      ['PAY_SUBSIDY', 5],
      ['REHABILITATION', 8],
      ['HEALTH_CARE', 7],
      ['UNEMPLOYED', 72],
    ],
  },
  write(b, client) {
    const r = b.random;
    const referrer = r.chance(0.5) ? 'typ' : 'employmentArea';
    const provider = referral(b, {
      referrer,
      provider: r.chance(0.8) ? 'kumppaniksi' : 'tyonsilta',
      measure: 'KELA_JOB_COACHING',
      reason: 'FUNCTIONAL_CAPACITY',
      funding: 'KELA_PAYMENT_COMMITMENT',
    });
    if (provider === undefined) {
      return;
    }
    intake(
      b,
      provider,
      situation({
        healthFlag: true,
        relationships: r.chance(0.6) ? 'SIGNIFICANT_CONCERN' : 'SOME_CONCERN',
        lifeManagement: 'SOME_CONCERN',
        educationLevel: r.pick(['UPPER_SECONDARY_GENERAL', 'VOCATIONAL', 'HIGHER'] as const),
        educationCurrency: r.chance(0.5) ? 'UP_TO_DATE' : 'OUTDATED',
        unemploymentDurationBand: r.chance(0.5) ? 'DAYS_365_TO_499' : 'DAYS_500_TO_999',
        currentBenefits: [r.chance(0.6) ? 'REHABILITATION_ALLOWANCE' : 'SICKNESS_ALLOWANCE'],
      }),
    );
    if (r.chance(0.6)) {
      b.after(0, 5).step('referParallelService', provider, {
        service: 'MENTAL_HEALTH_SERVICES',
        toOrg: 'healthCentre',
      });
    }
    plan(
      b,
      provider,
      [referrer],
      [{ text: 'Jaksan olla työssä kaksi päivää viikossa.', gas: true }],
    );
    const pauseDays = r.chance(0.25) ? r.int(20, 45) : 0;
    const during: { at: number; write: (builder: StoryBuilder) => void }[] = [];
    if (pauseDays > 0) {
      during.push({
        at: 0.4,
        write: (builder) => {
          builder.step('pauseMeasure', provider, {
            reason: 'HEALTH_CARE_MEASURE',
            resumeInDays: pauseDays,
          });
          builder.after(pauseDays - 4, pauseDays).step('resumeMeasure', provider, {});
        },
      });
    }
    if (r.chance(0.5)) {
      during.push({
        at: 0.7,
        write: (builder) =>
          meeting(
            builder,
            provider,
            {
              meetingKind: 'KELA_MEETING',
              orgs: [referrer],
              inDays: r.int(5, 10),
              forHandoff: false,
            },
            { decisions: [], clientPresent: true },
          ),
      });
    }
    measure(
      b,
      provider,
      {
        measure: {
          measure: 'KELA_JOB_COACHING',
          months: r.int(6, 12),
          daysPerWeek: 2,
          hoursPerDay: 4,
        },
        during,
        gasLevel: r.weighted([
          [-1, 2],
          [0, 4],
          [1, 3],
          [2, 1],
        ]),
      },
      pauseDays,
    );
    b.after(1, 4);
    exitWithFollowUps(b, provider, client.exitTo, {
      missChance: 0.12,
      laterDestinations: ['OPEN_LABOUR_MARKET', 'REHABILITATION'],
    });
  },
};
