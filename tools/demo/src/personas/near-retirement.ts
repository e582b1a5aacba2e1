import { exitWithFollowUps } from '../story/exit-phase';
import { intake, measure, meeting, plan, referral } from '../story/phases';
import { situation, type Persona } from './persona';

/**
 * Persona 3 (docs/domain.md §9): near retirement age with weak work ability. Rehabilitative work
 * activity as a gauge of work capacity, a network meeting with health care, then a pension
 * investigation and a pension; a pension investigation's follow-up often finds the pension.
 */
export const nearRetirement: Persona = {
  key: 'near-retirement',
  title: 'Near retirement, weak work ability',
  weight: 8,
  ageRange: [60, 64],
  destinations: {
    larger: [
      ['PENSION', 55],
      ['PENSION_INVESTIGATION', 30],
      ['UNEMPLOYED', 15],
    ],
    smaller: [
      ['PENSION', 50],
      ['PENSION_INVESTIGATION', 25],
      ['UNEMPLOYED', 25],
    ],
  },
  write(b, client) {
    const r = b.random;
    const provider = referral(b, {
      referrer: 'employmentArea',
      provider: r.chance(0.8) ? 'tyonsilta' : 'kumppaniksi',
      measure: 'REHABILITATIVE_WORK_ACTIVITY',
      reason: 'WORK_ABILITY_ASSESSMENT',
      funding: 'ACTIVATION_PLAN',
    });
    if (provider === undefined) {
      return;
    }
    intake(
      b,
      provider,
      situation({
        healthFlag: true,
        educationLevel: r.chance(0.5) ? 'VOCATIONAL' : 'BASIC_OR_LESS',
        unemploymentDurationBand: 'DAYS_1000_OR_MORE',
      }),
    );
    b.after(0, 5).step('referParallelService', provider, {
      service: 'HEALTH_CHECK',
      toOrg: 'healthCentre',
    });
    plan(
      b,
      provider,
      ['employmentArea', 'healthCentre'],
      [{ text: 'Selvitän, millaiseen työhön terveyteni riittää.', gas: false }],
    );
    measure(b, provider, {
      measure: {
        measure: 'REHABILITATIVE_WORK_ACTIVITY',
        months: r.int(6, 12),
        daysPerWeek: r.int(1, 3),
        hoursPerDay: 4,
      },
      during: [
        {
          at: 0.6,
          write: (builder) =>
            meeting(
              builder,
              provider,
              {
                meetingKind: 'PROGRESS_MEETING',
                orgs: ['employmentArea', 'healthCentre'],
                inDays: r.int(5, 10),
                forHandoff: false,
              },
              { decisions: ['TRANSITION_DECISION'], clientPresent: true },
            ),
        },
      ],
    });
    b.after(1, 4);
    exitWithFollowUps(b, provider, client.exitTo, {
      missChance: 0.1,
      laterDestinations: client.exitTo === 'PENSION_INVESTIGATION' ? ['PENSION'] : [],
      changeChance: 0.5,
    });
  },
};
