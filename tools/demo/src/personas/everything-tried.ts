import { exitWithFollowUps } from '../story/exit-phase';
import { intake, measure, meeting, plan, referral } from '../story/phases';
import { returnLater } from './return-later';
import { situation, type Persona } from './persona';

/**
 * Persona 9 (docs/domain.md §9): "sent because everything else had been tried". Often declined by
 * the first provider, an activation-plan meeting with social and health services, a wait for
 * mental-health services, social welfare work activity, and often an unclear path afterwards.
 */
export const everythingTried: Persona = {
  key: 'everything-tried',
  title: 'Sent because everything else had been tried',
  weight: 8,
  ageRange: [25, 59],
  destinations: {
    larger: [
      ['UNCLEAR', 35],
      ['HEALTH_CARE', 15],
      ['REHABILITATION', 10],
      ['SICK_LEAVE', 5],
      ['UNEMPLOYED', 30],
      ['PENSION_INVESTIGATION', 5],
    ],
    smaller: [
      ['UNCLEAR', 12],
      ['HEALTH_CARE', 5],
      ['UNEMPLOYED', 78],
      ['PENSION_INVESTIGATION', 5],
    ],
  },
  write(b, client) {
    const r = b.random;
    const referrer = r.chance(0.7) ? 'socialServices' : 'typ';
    const provider = referral(b, {
      referrer,
      provider: 'tyonsilta',
      measure: 'SOCIAL_WELFARE_WORK_ACTIVITY',
      reason: 'OTHER',
      funding: 'ACTIVATION_PLAN',
      declineChance: 0.15,
    });
    if (provider === undefined) {
      return;
    }
    const housingOpen = r.chance(0.5);
    const treatmentOpen = r.chance(0.4);
    intake(
      b,
      provider,
      situation({
        economicSituation: 'VERY_WEAK',
        healthFlag: true,
        housingSituation: r.pick(['OWN_HOME', 'SUPPORTED_HOUSING', 'NO_OWN_HOME'] as const),
        relationships: 'SIGNIFICANT_CONCERN',
        lifeManagement: 'SIGNIFICANT_CONCERN',
        educationLevel: 'BASIC_OR_LESS',
        educationCurrency: 'NO_VOCATIONAL_EDUCATION',
        unemploymentDurationBand: 'DAYS_1000_OR_MORE',
        currentBenefits: ['SOCIAL_ASSISTANCE', 'HOUSING_ALLOWANCE'],
        basics: {
          housing: housingOpen ? 'OPEN' : 'IN_ORDER',
          benefits: 'IN_ORDER',
          permits: 'NOT_APPLICABLE',
          debts: 'IN_ORDER',
          treatment: treatmentOpen ? 'OPEN' : 'IN_ORDER',
        },
        issues: [
          ...(housingOpen ? [{ kind: 'HOUSING_ARREARS', owner: 'socialServices' } as const] : []),
          ...(treatmentOpen
            ? [{ kind: 'TREATMENT_NOT_STARTED', owner: 'healthCentre' } as const]
            : []),
        ],
      }),
    );
    b.after(1, 3);
    meeting(
      b,
      provider,
      {
        meetingKind: 'ACTIVATION_PLAN_MEETING',
        orgs: [referrer, 'healthCentre'],
        inDays: r.int(2, 4),
        forHandoff: false,
      },
      { decisions: ['PLAN_CHANGE'], clientPresent: true },
    );
    if (r.chance(0.4)) {
      b.step('startWait', provider, {
        waitingFor: 'MENTAL_HEALTH_SERVICE',
        waitingForOrg: 'healthCentre',
        thresholdBusinessDays: 20,
      });
    }
    plan(
      b,
      provider,
      [referrer, 'healthCentre'],
      [{ text: 'Tulen paikalle sovittuina päivinä.', gas: true }],
    );
    const waiting = b.last('startWait') !== undefined;
    measure(b, provider, {
      measure: {
        measure: 'SOCIAL_WELFARE_WORK_ACTIVITY',
        months: r.int(6, 18),
        daysPerWeek: r.int(1, 2),
        hoursPerDay: r.pick([3, 4]),
      },
      during: waiting
        ? [{ at: 0.15, write: (builder) => builder.step('endWait', provider, {}) }]
        : [],
      gasLevel: r.weighted([
        [-2, 2],
        [-1, 3],
        [0, 3],
        [1, 1],
      ]),
    });
    b.after(1, 4);
    const closed = exitWithFollowUps(b, provider, client.exitTo, {
      missChance: 0.25,
      lateChance: 0.4,
      afterUnclear: [
        ['UNEMPLOYED', 6],
        ['HEALTH_CARE', 3],
        ['REHABILITATION', 2],
      ],
    });
    if (closed) {
      returnLater(b, referrer, 0.15);
    }
  },
};
