import { exitWithFollowUps } from '../story/exit-phase';
import { handoff } from '../story/handoff-phase';
import { intake, measure, otherProvider, plan, referral } from '../story/phases';
import { returnLater } from './return-later';
import { situation, type Persona } from './persona';

/**
 * Persona 2 (docs/domain.md §9): a single man of 45–55, unemployed more than 500 days, with
 * payday-loan debts and enforcement. Rehabilitative work activity (its allowance cannot be
 * garnished) with debt counselling alongside; a third go on to coaching at the other provider;
 * most end as unemployed job-seekers.
 */
export const longTermUnemployed: Persona = {
  key: 'long-term-unemployed',
  title: 'Single man, long-term unemployed, with debts',
  weight: 20,
  ageRange: [45, 55],
  man: true,
  destinations: {
    larger: [
      ['UNEMPLOYED', 45],
      ['PAY_SUBSIDY', 20],
      ['OPEN_LABOUR_MARKET', 8],
      ['HEALTH_CARE', 7],
      ['REHABILITATION', 5],
      ['UNCLEAR', 15],
    ],
    smaller: [
      ['UNEMPLOYED', 88],
      ['PAY_SUBSIDY', 3],
      ['OPEN_LABOUR_MARKET', 3],
      ['UNCLEAR', 6],
    ],
  },
  write(b, client) {
    const r = b.random;
    const referrer = r.chance(0.5) ? 'socialServices' : 'employmentArea';
    const provider = referral(b, {
      referrer,
      provider: r.chance(0.75) ? 'tyonsilta' : 'kumppaniksi',
      measure: 'REHABILITATIVE_WORK_ACTIVITY',
      reason: 'LONG_TERM_UNEMPLOYMENT',
      funding: 'ACTIVATION_PLAN',
    });
    if (provider === undefined) {
      return;
    }
    intake(
      b,
      provider,
      situation({
        economicSituation: 'VERY_WEAK',
        healthFlag: r.chance(0.5),
        relationships: 'SOME_CONCERN',
        lifeManagement: r.chance(0.5) ? 'SOME_CONCERN' : 'NO_CONCERN',
        unemploymentDurationBand: r.chance(0.6) ? 'DAYS_1000_OR_MORE' : 'DAYS_500_TO_999',
        currentBenefits: r.chance(0.5)
          ? ['LABOUR_MARKET_SUBSIDY', 'HOUSING_ALLOWANCE', 'SOCIAL_ASSISTANCE']
          : ['LABOUR_MARKET_SUBSIDY', 'HOUSING_ALLOWANCE'],
        basics: {
          housing: 'IN_ORDER',
          benefits: 'IN_ORDER',
          permits: 'NOT_APPLICABLE',
          debts: 'OPEN',
          treatment: 'IN_ORDER',
        },
        issues: [{ kind: 'DEBT', owner: 'socialServices' }],
      }),
    );
    b.after(0, 5).step('referParallelService', provider, { service: 'DEBT_COUNSELLING' });
    plan(
      b,
      provider,
      ['employmentArea', 'socialServices'],
      [
        { text: 'Käyn työtoiminnassa kolmena päivänä viikossa.', gas: true },
        { text: 'Saan velkajärjestelyn vireille.', gas: false },
      ],
    );
    measure(b, provider, {
      measure: {
        measure: 'REHABILITATIVE_WORK_ACTIVITY',
        months: r.int(12, 24),
        daysPerWeek: 3,
        hoursPerDay: r.pick([4, 5, 6]),
      },
      during: [
        {
          at: 0.3,
          write: (builder) =>
            builder.step('resolveBasicNeed', provider, { resolution: 'PAYMENT_PLAN_AGREED' }),
        },
      ],
      gasLevel: r.weighted([
        [-2, 1],
        [-1, 3],
        [0, 4],
        [1, 2],
      ]),
    });
    let owner = provider;
    if (r.chance(0.3)) {
      owner = otherProvider(provider);
      handoff(b, provider, owner, {
        rationale: 'NEXT_MEASURE_IN_PLAN',
        declineChance: 0.15,
        meetingChance: 0.5,
        newGoal: 'Teen työnhakusuunnitelman valmentajan kanssa.',
      });
      measure(b, owner, {
        measure: { measure: 'WORK_COACHING', months: r.int(3, 6), daysPerWeek: 2, hoursPerDay: 4 },
      });
    }
    b.after(1, 4);
    const closed = exitWithFollowUps(b, owner, client.exitTo, {
      missChance: 0.15,
      laterDestinations: ['PAY_SUBSIDY', 'OPEN_LABOUR_MARKET'],
    });
    if (closed && client.exitTo === 'UNEMPLOYED') {
      returnLater(b, referrer, 0.15);
    }
  },
};
