import { exitWithFollowUps } from '../story/exit-phase';
import { handoff } from '../story/handoff-phase';
import { intake, measure, otherProvider, plan, referral } from '../story/phases';
import { situation, type Persona } from './persona';

/**
 * Persona 7 (docs/domain.md §9): a pay-subsidised employee of a VTM association whose
 * subsidised days are used up: the plan is revised (the measure is not available any more) and
 * the next path is a work trial at the other provider (a hand-off, sometimes first declined for
 * lack of places) or studies.
 */
export const paySubsidyUsedUp: Persona = {
  key: 'pay-subsidy-used-up',
  title: 'Pay-subsidised employee whose subsidised days are used up',
  weight: 8,
  ageRange: [30, 59],
  destinations: {
    larger: [
      ['OPEN_LABOUR_MARKET', 20],
      ['UNEMPLOYED', 35],
      ['LABOUR_MARKET_TRAINING', 25],
      ['WORK_TRIAL', 10],
      ['UNCLEAR', 10],
    ],
    smaller: [
      ['OPEN_LABOUR_MARKET', 8],
      ['UNEMPLOYED', 80],
      ['LABOUR_MARKET_TRAINING', 8],
      ['UNCLEAR', 4],
    ],
  },
  write(b, client) {
    const r = b.random;
    const employer = 'kumppaniksi';
    const provider = referral(b, {
      referrer: 'employmentArea',
      provider: employer,
      measure: 'PAY_SUBSIDISED_WORK',
      reason: 'WORK_EXPERIENCE',
      funding: 'PAY_SUBSIDY_DECISION',
      declineChance: 0.03,
    });
    if (provider === undefined) {
      return;
    }
    intake(
      b,
      provider,
      situation({
        economicSituation: r.chance(0.5) ? 'IN_ORDER' : 'WEAK',
        healthFlag: r.chance(0.3),
        unemploymentDurationBand: 'DAYS_500_TO_999',
      }),
    );
    plan(
      b,
      provider,
      ['employmentArea'],
      [{ text: 'Hoidan työsuhteeni ja opin uutta työtä.', gas: false }],
    );
    measure(b, provider, {
      measure: {
        measure: 'PAY_SUBSIDISED_WORK',
        months: r.int(10, 24),
        daysPerWeek: 5,
        hoursPerDay: 6.5,
      },
      during: [
        {
          at: 0.9,
          write: (builder) =>
            builder.step('revisePlan', provider, {
              reason: 'MEASURE_NOT_AVAILABLE',
              newGoal: 'Etsin palkkatuen jälkeen uuden polun: työkokeilun tai koulutuksen.',
            }),
        },
      ],
    });
    let owner = provider;
    if (r.chance(0.6)) {
      owner = otherProvider(provider);
      handoff(b, provider, owner, {
        rationale: 'MEASURE_ENDING',
        declineChance: 0.25,
        meetingChance: 0.6,
        newGoal: 'Kokeilen, sopiiko uusi ala minulle.',
      });
      measure(b, owner, {
        measure: { measure: 'WORK_TRIAL', months: r.int(3, 6), daysPerWeek: 5, hoursPerDay: 6 },
      });
    }
    b.after(1, 4);
    exitWithFollowUps(b, owner, client.exitTo, {
      missChance: 0.1,
      laterDestinations: ['OPEN_LABOUR_MARKET', 'UNEMPLOYED'],
    });
  },
};
