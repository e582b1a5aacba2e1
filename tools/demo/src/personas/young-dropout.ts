import { exitWithFollowUps } from '../story/exit-phase';
import { intake, measure, meeting, plan, referral } from '../story/phases';
import { situation, type Persona } from './persona';

/**
 * Persona 1 (docs/domain.md §9): 19–24, dropped out of vocational school, lives with parents.
 * A work trial (the former work practice of under-25s) to find a direction, then studies: a
 * vocational degree in Kajaani, labour-market training in the smaller municipalities.
 */
export const youngDropout: Persona = {
  key: 'young-dropout',
  title: 'Young adult who dropped out of vocational school',
  weight: 14,
  ageRange: [19, 24],
  destinations: {
    larger: [
      ['DEGREE_STUDIES', 45],
      ['APPRENTICESHIP', 10],
      ['OPEN_LABOUR_MARKET', 12],
      ['UNEMPLOYED', 25],
      ['UNCLEAR', 8],
    ],
    smaller: [
      ['LABOUR_MARKET_TRAINING', 15],
      ['DEGREE_STUDIES', 5],
      ['OPEN_LABOUR_MARKET', 5],
      ['UNEMPLOYED', 70],
      ['UNCLEAR', 5],
    ],
  },
  write(b, client) {
    const r = b.random;
    const referrer = r.chance(0.4) ? 'typ' : 'employmentArea';
    const provider = referral(b, {
      referrer,
      provider: r.chance(0.7) ? 'tyonsilta' : 'kumppaniksi',
      measure: 'WORK_TRIAL',
      reason: 'DIRECTION_FINDING',
      funding: 'ACTIVATION_PLAN',
    });
    if (provider === undefined) {
      return;
    }
    intake(
      b,
      provider,
      situation({
        economicSituation: r.chance(0.6) ? 'WEAK' : 'IN_ORDER',
        healthFlag: r.chance(0.2),
        housingSituation: 'WITH_PARENTS',
        lifeManagement: r.chance(0.6) ? 'SOME_CONCERN' : 'NO_CONCERN',
        educationLevel: 'BASIC_OR_LESS',
        educationCurrency: 'NO_VOCATIONAL_EDUCATION',
        unemploymentDurationBand: r.chance(0.5) ? 'UNDER_90_DAYS' : 'DAYS_90_TO_364',
      }),
    );
    if (r.chance(0.3)) {
      b.after(0, 5).step('referParallelService', provider, { service: 'YOUTH_SERVICES' });
    }
    plan(
      b,
      provider,
      [referrer],
      [
        { text: 'Löydän itselleni sopivan alan.', gas: true },
        { text: 'Haen ammatilliseen koulutukseen seuraavassa yhteishaussa.', gas: false },
      ],
    );
    measure(b, provider, {
      measure: { measure: 'WORK_TRIAL', months: r.int(3, 6), daysPerWeek: 4, hoursPerDay: 6 },
      during: r.chance(0.4)
        ? [
            {
              at: 0.5,
              write: (builder) =>
                meeting(
                  builder,
                  provider,
                  {
                    meetingKind: 'PROGRESS_MEETING',
                    orgs: [referrer],
                    inDays: 7,
                    forHandoff: false,
                  },
                  { decisions: ['PLAN_CHANGE'], clientPresent: true },
                ),
            },
          ]
        : [],
      gasLevel: r.weighted([
        [-1, 2],
        [0, 4],
        [1, 3],
        [2, 1],
      ]),
    });
    b.after(1, 4);
    exitWithFollowUps(b, provider, client.exitTo, {
      missChance: 0.1,
      laterDestinations: ['DEGREE_STUDIES', 'OPEN_LABOUR_MARKET'],
    });
  },
};
