import { randomUUID } from 'node:crypto';
import type { PlanContentInput } from '@polku/contracts';
import { assertPlanContentRules, planContentOf } from './plan-content';

function input(overrides: Partial<PlanContentInput> = {}): PlanContentInput {
  return {
    parties: [
      { orgId: randomUUID(), role: 'EMPLOYMENT_AUTHORITY' },
      { orgId: randomUUID(), role: 'PROVIDER' },
    ],
    clientAgreed: true,
    linkedPlans: [{ kind: 'EMPLOYMENT_PLAN', reference: 'TP-2026-0042' }],
    goals: [{ text: 'Käyn työtoiminnassa kolmena päivänä viikossa.' }],
    ...overrides,
  } as PlanContentInput;
}

describe('assertPlanContentRules', () => {
  it('should accept content that names each party, linked plan and goal once', () => {
    expect(() => assertPlanContentRules(input())).not.toThrow();
  });

  it('should refuse an organisation named twice with VALIDATION_FAILED', () => {
    const orgId = randomUUID();
    const content = input({
      parties: [
        { orgId, role: 'EMPLOYMENT_AUTHORITY' },
        { orgId, role: 'SOCIAL_SERVICES' },
      ],
    });

    expect(() => assertPlanContentRules(content)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: `parties: organisation ${orgId} is named twice; name each party once`,
      }) as Error,
    );
  });

  it('should refuse the same linked plan twice', () => {
    const plan = { kind: 'TYP_MULTISECTORAL_PLAN', reference: 'TYP-2026-0412' } as const;

    expect(() => assertPlanContentRules(input({ linkedPlans: [plan, { ...plan }] }))).toThrow(
      'linkedPlans: TYP_MULTISECTORAL_PLAN TYP-2026-0412 is linked twice',
    );
  });

  it('should refuse an existing goal listed twice', () => {
    const goalId = randomUUID();

    expect(() =>
      assertPlanContentRules(
        input({
          goals: [
            { goalId, text: 'A' },
            { goalId, text: 'B' },
          ],
        }),
      ),
    ).toThrow(`goals: goal ${goalId} is listed twice`);
  });
});

describe('planContentOf', () => {
  it('should give new goals an id, keep existing ids and make absent fields explicit nulls', () => {
    const goalId = randomUUID();
    const content = planContentOf(
      input({ goals: [{ goalId, text: 'Vanha tavoite' }, { text: 'Uusi tavoite' }] }),
      { reviewDate: '2027-06-01', parties: [] },
    );

    expect(content.reviewDate).toBe('2027-06-01');
    expect(content.linkedPlans).toEqual([
      { kind: 'EMPLOYMENT_PLAN', reference: 'TP-2026-0042', heldByOrgId: null },
    ]);
    expect(content.goals).toEqual([
      { goalId, text: 'Vanha tavoite', gasScale: null },
      { goalId: expect.any(String) as string, text: 'Uusi tavoite', gasScale: null },
    ]);
    expect(content.goals[1].goalId).not.toBe(goalId);
  });
});
