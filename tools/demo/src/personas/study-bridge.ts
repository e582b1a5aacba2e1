import { exitWithFollowUps } from '../story/exit-phase';
import { intake, measure, plan, referral } from '../story/phases';
import { situation, type Persona } from './persona';

/**
 * Persona 10 (docs/domain.md §9): a client with a clear plan, for whom the intermediate labour
 * market is a planned bridge between studies and work: a work trial, then a degree, an
 * apprenticeship or a job.
 */
export const studyBridge: Persona = {
  key: 'study-bridge',
  title: 'Planned bridge between studies and work',
  weight: 7,
  ageRange: [20, 34],
  destinations: {
    larger: [
      ['DEGREE_STUDIES', 45],
      ['APPRENTICESHIP', 15],
      ['OPEN_LABOUR_MARKET', 30],
      ['UNEMPLOYED', 10],
    ],
    smaller: [
      ['LABOUR_MARKET_TRAINING', 15],
      ['APPRENTICESHIP', 10],
      ['OPEN_LABOUR_MARKET', 20],
      ['UNEMPLOYED', 55],
    ],
  },
  write(b, client) {
    const r = b.random;
    const referrer = r.chance(0.5) ? 'typ' : 'employmentArea';
    const provider = referral(b, {
      referrer,
      provider: r.chance(0.5) ? 'kumppaniksi' : 'tyonsilta',
      measure: 'WORK_TRIAL',
      reason: r.chance(0.5) ? 'DIRECTION_FINDING' : 'WORK_EXPERIENCE',
      funding: 'ACTIVATION_PLAN',
    });
    if (provider === undefined) {
      return;
    }
    intake(
      b,
      provider,
      situation({
        economicSituation: r.chance(0.6) ? 'IN_ORDER' : 'WEAK',
        housingSituation: r.chance(0.3) ? 'WITH_PARENTS' : 'OWN_HOME',
        educationLevel: r.chance(0.5) ? 'UPPER_SECONDARY_GENERAL' : 'VOCATIONAL',
        educationCurrency: 'UP_TO_DATE',
        unemploymentDurationBand: r.chance(0.5) ? 'UNDER_90_DAYS' : 'DAYS_90_TO_364',
        currentBenefits: [r.chance(0.5) ? 'BASIC_UNEMPLOYMENT_ALLOWANCE' : 'LABOUR_MARKET_SUBSIDY'],
      }),
    );
    plan(
      b,
      provider,
      [referrer],
      [{ text: 'Saan työkokemusta alalta, jolle haen opiskelemaan.', gas: true }],
    );
    measure(b, provider, {
      measure: { measure: 'WORK_TRIAL', months: r.int(3, 6), daysPerWeek: 5, hoursPerDay: 6 },
      gasLevel: r.weighted([
        [0, 3],
        [1, 4],
        [2, 3],
      ]),
    });
    b.after(1, 4);
    exitWithFollowUps(b, provider, client.exitTo, {
      missChance: 0.08,
      laterDestinations: ['OPEN_LABOUR_MARKET', 'DEGREE_STUDIES'],
    });
  },
};
