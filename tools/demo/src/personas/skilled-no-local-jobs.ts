import { exitWithFollowUps } from '../story/exit-phase';
import { intake, measure, plan, referral } from '../story/phases';
import { situation, type Persona } from './persona';

/**
 * Persona 8 (docs/domain.md §9): skilled and motivated, no jobs nearby, unwilling to move. A short
 * work coaching or work trial; in Kajaani some find work, elsewhere almost all are unemployed.
 */
export const skilledNoLocalJobs: Persona = {
  key: 'skilled-no-local-jobs',
  title: 'Skilled and motivated, no local jobs, unwilling to move',
  weight: 8,
  ageRange: [30, 59],
  destinations: {
    larger: [
      ['OPEN_LABOUR_MARKET', 30],
      ['UNEMPLOYED', 50],
      ['PAY_SUBSIDY', 15],
      ['LABOUR_MARKET_TRAINING', 5],
    ],
    smaller: [
      ['OPEN_LABOUR_MARKET', 8],
      ['UNEMPLOYED', 88],
      ['PAY_SUBSIDY', 4],
    ],
  },
  write(b, client) {
    const r = b.random;
    const coaching = r.chance(0.6);
    const provider = referral(b, {
      referrer: 'employmentArea',
      provider: coaching ? 'kumppaniksi' : 'tyonsilta',
      measure: coaching ? 'WORK_COACHING' : 'WORK_TRIAL',
      reason: 'WORK_EXPERIENCE',
      funding: 'ACTIVATION_PLAN',
    });
    if (provider === undefined) {
      return;
    }
    intake(
      b,
      provider,
      situation({
        economicSituation: r.chance(0.5) ? 'IN_ORDER' : 'WEAK',
        educationLevel: r.chance(0.7) ? 'VOCATIONAL' : 'HIGHER',
        educationCurrency: 'UP_TO_DATE',
        unemploymentDurationBand: r.chance(0.5) ? 'DAYS_365_TO_499' : 'DAYS_500_TO_999',
        currentBenefits: [
          r.chance(0.4) ? 'EARNINGS_RELATED_UNEMPLOYMENT_ALLOWANCE' : 'LABOUR_MARKET_SUBSIDY',
        ],
      }),
    );
    plan(
      b,
      provider,
      ['employmentArea'],
      [{ text: 'Haen töitä omalta alaltani lähiseudulta.', gas: true }],
    );
    measure(b, provider, {
      measure: {
        measure: coaching ? 'WORK_COACHING' : 'WORK_TRIAL',
        months: r.int(3, 6),
        daysPerWeek: coaching ? 2 : 5,
        hoursPerDay: coaching ? 3 : 7.5,
      },
      gasLevel: r.weighted([
        [0, 4],
        [1, 4],
        [2, 2],
      ]),
    });
    b.after(1, 4);
    exitWithFollowUps(b, provider, client.exitTo, {
      missChance: 0.1,
      laterDestinations: ['OPEN_LABOUR_MARKET', 'UNEMPLOYED'],
    });
  },
};
