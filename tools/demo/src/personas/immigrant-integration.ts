import { exitWithFollowUps } from '../story/exit-phase';
import { intake, measure, plan, referral } from '../story/phases';
import { situation, type Persona } from './persona';

/**
 * Persona 5 (docs/domain.md §9): an immigrant whose family reunification is pending. Language
 * support at the referral, an open permit matter at intake (resolved when the decision comes),
 * a long wait for the decision, rehabilitative work activity, then integration training.
 */
export const immigrantIntegration: Persona = {
  key: 'immigrant-integration',
  title: 'Immigrant with family reunification pending',
  weight: 7,
  ageRange: [25, 45],
  immigrant: true,
  destinations: {
    larger: [
      ['INTEGRATION_TRAINING', 55],
      ['LABOUR_MARKET_TRAINING', 10],
      ['UNEMPLOYED', 25],
      ['OPEN_LABOUR_MARKET', 10],
    ],
    smaller: [
      ['INTEGRATION_TRAINING', 25],
      ['UNEMPLOYED', 70],
      ['OPEN_LABOUR_MARKET', 5],
    ],
  },
  write(b, client) {
    const r = b.random;
    const provider = referral(b, {
      referrer: 'employmentArea',
      provider: r.chance(0.7) ? 'tyonsilta' : 'kumppaniksi',
      measure: 'REHABILITATIVE_WORK_ACTIVITY',
      reason: 'LANGUAGE_AND_INTEGRATION',
      funding: 'ACTIVATION_PLAN',
      languageSupport: true,
    });
    if (provider === undefined) {
      return;
    }
    intake(
      b,
      provider,
      situation({
        economicSituation: r.chance(0.5) ? 'VERY_WEAK' : 'WEAK',
        relationships: 'SIGNIFICANT_CONCERN',
        educationLevel: r.chance(0.5) ? 'BASIC_OR_LESS' : 'UNKNOWN',
        educationCurrency: r.chance(0.5) ? 'NO_VOCATIONAL_EDUCATION' : 'UNKNOWN',
        unemploymentDurationBand: 'DAYS_365_TO_499',
        languageAndIntegrationNeeds: r.chance(0.5)
          ? ['LANGUAGE_SUPPORT', 'INTEGRATION_SERVICES', 'INTERPRETER']
          : ['LANGUAGE_SUPPORT', 'INTEGRATION_SERVICES'],
        currentBenefits: ['LABOUR_MARKET_SUBSIDY', 'HOUSING_ALLOWANCE'],
        basics: {
          housing: 'IN_ORDER',
          benefits: 'IN_ORDER',
          permits: 'OPEN',
          debts: 'IN_ORDER',
          treatment: 'IN_ORDER',
        },
        issues: [{ kind: 'PERMIT_MISSING', owner: 'employmentArea' }],
      }),
    );
    // Waiting for the family reunification decision: long, and often past its threshold.
    const waitDays = r.int(40, 160);
    const waitEnds = b.day + waitDays;
    b.after(0, 3).step('startWait', provider, {
      waitingFor: 'OTHER',
      thresholdBusinessDays: 60,
    });
    plan(
      b,
      provider,
      ['employmentArea'],
      [
        { text: 'Opin suomen kieltä työssä.', gas: true },
        { text: 'Pääsen kotoutumiskoulutukseen.', gas: false },
      ],
    );
    measure(b, provider, {
      measure: {
        measure: 'REHABILITATIVE_WORK_ACTIVITY',
        months: r.int(6, 12),
        daysPerWeek: 3,
        hoursPerDay: 4,
      },
      during: [
        {
          at: 0.1,
          write: (builder) => {
            builder.on(waitEnds).step('endWait', provider, {});
            builder.step('resolveBasicNeed', provider, { resolution: 'DECISION_RECEIVED' });
          },
        },
      ],
      gasLevel: r.weighted([
        [0, 3],
        [1, 4],
        [2, 2],
      ]),
    });
    b.after(1, 4);
    exitWithFollowUps(b, provider, client.exitTo, {
      missChance: 0.15,
      laterDestinations: ['LABOUR_MARKET_TRAINING', 'OPEN_LABOUR_MARKET'],
    });
  },
};
