import type { PlanContent, PlanGoalEntry } from './plan-content';
import { diffPlanContent, goalsSetAnew } from './plan-diff';

const EMPLOYMENT_AUTHORITY = '11111111-1111-4111-8111-111111111111';
const SOCIAL_SERVICES = '22222222-2222-4222-8222-222222222222';
const PROVIDER = '33333333-3333-4333-8333-333333333333';

const GAS = {
  levelMinus2: 'En käy ollenkaan.',
  levelMinus1: 'Käyn yhtenä päivänä viikossa.',
  level0: 'Käyn kolmena päivänä viikossa.',
  levelPlus1: 'Käyn neljänä päivänä viikossa.',
  levelPlus2: 'Haen palkkatukityötä.',
};

const THREE_DAYS: PlanGoalEntry = {
  goalId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  text: 'Käyn työtoiminnassa kolmena päivänä viikossa.',
  gasScale: GAS,
};
const MORNINGS: PlanGoalEntry = {
  goalId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  text: 'Herään aamuisin kahdeksalta.',
  gasScale: null,
};

function plan(overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    parties: [
      { orgId: EMPLOYMENT_AUTHORITY, role: 'EMPLOYMENT_AUTHORITY' },
      { orgId: PROVIDER, role: 'PROVIDER' },
    ],
    clientAgreed: false,
    linkedPlans: [{ kind: 'EMPLOYMENT_PLAN', reference: 'TP-2026-0042', heldByOrgId: null }],
    reviewDate: '2027-06-01',
    goals: [THREE_DAYS],
    ...overrides,
  };
}

describe('diffPlanContent', () => {
  it('should find nothing when two versions hold the same content in another order', () => {
    const before = plan({ goals: [THREE_DAYS, MORNINGS] });
    const after = plan({
      parties: [...before.parties].reverse(),
      goals: [MORNINGS, THREE_DAYS],
    });

    expect(diffPlanContent(before, after)).toEqual({ changed: [], lines: [] });
  });

  it('should list everything of the agreement as added when there is no previous version', () => {
    expect(diffPlanContent(null, plan({ clientAgreed: true }))).toEqual({
      changed: ['GOALS', 'PARTIES', 'LINKED_PLANS', 'REVIEW_DATE'],
      lines: [
        {
          part: 'GOALS',
          change: 'ADDED',
          text: 'Goal added: “Käyn työtoiminnassa kolmena päivänä viikossa.” with a GAS scale',
        },
        {
          part: 'PARTIES',
          change: 'ADDED',
          text: `Party added: ${EMPLOYMENT_AUTHORITY} (EMPLOYMENT_AUTHORITY)`,
        },
        { part: 'PARTIES', change: 'ADDED', text: `Party added: ${PROVIDER} (PROVIDER)` },
        { part: 'PARTIES', change: 'ADDED', text: 'Client agreement: agreed' },
        {
          part: 'LINKED_PLANS',
          change: 'ADDED',
          text: 'Linked plan added: EMPLOYMENT_PLAN TP-2026-0042',
        },
        { part: 'REVIEW_DATE', change: 'ADDED', text: 'Review date set: 2027-06-01' },
      ],
    });
  });

  it('should say which party was added, removed or given another role', () => {
    const after = plan({
      parties: [
        { orgId: EMPLOYMENT_AUTHORITY, role: 'JOINT_SERVICE_TYP' },
        { orgId: SOCIAL_SERVICES, role: 'SOCIAL_SERVICES' },
      ],
    });

    expect(diffPlanContent(plan(), after)).toEqual({
      changed: ['PARTIES'],
      lines: [
        {
          part: 'PARTIES',
          change: 'CHANGED',
          text: `Party role changed: ${EMPLOYMENT_AUTHORITY} from EMPLOYMENT_AUTHORITY to JOINT_SERVICE_TYP`,
        },
        {
          part: 'PARTIES',
          change: 'ADDED',
          text: `Party added: ${SOCIAL_SERVICES} (SOCIAL_SERVICES)`,
        },
        { part: 'PARTIES', change: 'REMOVED', text: `Party removed: ${PROVIDER} (PROVIDER)` },
      ],
    });
  });

  it('should report a change of the client agreement alone under PARTIES with its own line', () => {
    expect(diffPlanContent(plan(), plan({ clientAgreed: true }))).toEqual({
      changed: ['PARTIES'],
      lines: [
        { part: 'PARTIES', change: 'CHANGED', text: 'Client agreement: not agreed → agreed' },
      ],
    });
  });

  it('should say how the review date moved', () => {
    expect(diffPlanContent(plan(), plan({ reviewDate: '2027-09-01' }))).toEqual({
      changed: ['REVIEW_DATE'],
      lines: [
        {
          part: 'REVIEW_DATE',
          change: 'CHANGED',
          text: 'Review date moved from 2027-06-01 to 2027-09-01',
        },
      ],
    });
  });

  it('should name linked plans added, removed and handed to another holder', () => {
    const after = plan({
      linkedPlans: [
        { kind: 'EMPLOYMENT_PLAN', reference: 'TP-2026-0042', heldByOrgId: EMPLOYMENT_AUTHORITY },
        { kind: 'TYP_MULTISECTORAL_PLAN', reference: 'TYP-2026-0412', heldByOrgId: null },
      ],
    });
    const removed = plan({ linkedPlans: [] });

    expect(diffPlanContent(plan(), after).lines).toEqual([
      {
        part: 'LINKED_PLANS',
        change: 'CHANGED',
        text: `Linked plan EMPLOYMENT_PLAN TP-2026-0042 now held by ${EMPLOYMENT_AUTHORITY} (was no organisation in polku)`,
      },
      {
        part: 'LINKED_PLANS',
        change: 'ADDED',
        text: 'Linked plan added: TYP_MULTISECTORAL_PLAN TYP-2026-0412',
      },
    ]);
    expect(diffPlanContent(plan(), removed).lines).toEqual([
      {
        part: 'LINKED_PLANS',
        change: 'REMOVED',
        text: 'Linked plan removed: EMPLOYMENT_PLAN TP-2026-0042',
      },
    ]);
  });

  it('should quote a goal whose words changed, and one added or dropped', () => {
    const reworded = { ...THREE_DAYS, text: 'Käyn työtoiminnassa neljänä päivänä viikossa.' };
    const diff = diffPlanContent(
      plan({ goals: [THREE_DAYS, MORNINGS] }),
      plan({ goals: [reworded, { ...MORNINGS, goalId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc' }] }),
    );

    expect(diff).toEqual({
      changed: ['GOALS'],
      lines: [
        {
          part: 'GOALS',
          change: 'CHANGED',
          text: 'Goal changed: “Käyn työtoiminnassa kolmena päivänä viikossa.” → “Käyn työtoiminnassa neljänä päivänä viikossa.”',
        },
        { part: 'GOALS', change: 'ADDED', text: 'Goal added: “Herään aamuisin kahdeksalta.”' },
        { part: 'GOALS', change: 'REMOVED', text: 'Goal dropped: “Herään aamuisin kahdeksalta.”' },
      ],
    });
  });

  it.each([
    ['added', MORNINGS, { ...MORNINGS, gasScale: GAS }, 'GAS scale added to goal'],
    ['removed', THREE_DAYS, { ...THREE_DAYS, gasScale: null }, 'GAS scale removed from goal'],
    [
      'changed',
      THREE_DAYS,
      { ...THREE_DAYS, gasScale: { ...GAS, level0: 'Käyn neljänä päivänä.' } },
      'GAS scale changed for goal',
    ],
  ])('should say when a GAS scale was %s', (_how, before, after, text) => {
    expect(diffPlanContent(plan({ goals: [before] }), plan({ goals: [after] })).lines).toEqual([
      { part: 'GOALS', change: 'CHANGED', text: `${text} “${before.text}”` },
    ]);
  });

  it('should list the parts in the order of PLAN_PARTS whatever changed first', () => {
    const after = plan({
      reviewDate: '2027-09-01',
      clientAgreed: true,
      goals: [THREE_DAYS, MORNINGS],
      linkedPlans: [],
    });

    expect(diffPlanContent(plan(), after).changed).toEqual([
      'GOALS',
      'PARTIES',
      'LINKED_PLANS',
      'REVIEW_DATE',
    ]);
  });
});

describe('goalsSetAnew', () => {
  it('should pick new goals and goals whose text or scale changed, not the unchanged ones', () => {
    const reworded = { ...THREE_DAYS, text: 'Uusi sanamuoto' };
    const added: PlanGoalEntry = {
      goalId: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
      text: 'Uusi',
      gasScale: null,
    };

    expect(goalsSetAnew([THREE_DAYS, MORNINGS], [reworded, MORNINGS, added])).toEqual([
      reworded,
      added,
    ]);
    expect(goalsSetAnew([THREE_DAYS], [THREE_DAYS])).toEqual([]);
  });
});
