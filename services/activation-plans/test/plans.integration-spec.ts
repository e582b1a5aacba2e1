import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  GOAL_PROGRESS_RECORDED_V1,
  GOAL_SET_V1,
  PLAN_COMMANDS,
} from '@polku/contracts';
import { ACTIVATION_PLAN_LEGAL_BASIS } from '@polku/path-access';
import { addCalendarMonths, finnishDateOf } from '@polku/timers';
import {
  agreePlanBody,
  daysFromToday,
  GAS_SCALE,
  MORNINGS_GOAL,
  THREE_DAYS_GOAL,
} from './support/plan-bodies';
import { outboxEvents, startPlansService, type PlansService } from './support/plans-service';
import { seedPath, type SeededPath } from './support/seeded-path';

interface PlanAnswer {
  planId: string;
  version: number;
  reviewDate: string;
  parties: { orgId: string; role: string }[];
  clientAgreed: boolean;
  linkedPlans: { kind: string; reference: string; heldByOrgId: string | null }[];
  goals: {
    goalId: string;
    text: string;
    gasScale: unknown;
    latestProgress: { gasLevel: number | null; assessedBy: string } | null;
  }[];
  planFamily: { plansPerClient: number; plans: { kind: string; reference: string }[] };
}

interface HistoryAnswer {
  items: {
    version: number;
    changedBy: { userId: string; orgId: string };
    reasonCategory: string | null;
    note: string | null;
    changed: string[];
    diff: { part: string; change: string; text: string }[];
  }[];
}

/** The plan's goal with a GAS scale, or the one without. */
function goalOf(plan: PlanAnswer, { scaled }: { scaled: boolean }) {
  const goal = plan.goals.find((candidate) => (candidate.gasScale !== null) === scaled);
  if (goal === undefined) {
    throw new Error(`the plan has no goal ${scaled ? 'with' : 'without'} a GAS scale`);
  }
  return goal;
}

/** The goals of an answered plan as a revision keeps them: by id, unchanged. */
function keptGoals(plan: PlanAnswer) {
  return plan.goals.map((goal) => ({
    goalId: goal.goalId,
    text: goal.text,
    ...(goal.gasScale === null ? {} : { gasScale: goal.gasScale }),
  }));
}

describe('activation plans', () => {
  let service: PlansService;

  beforeAll(async () => {
    service = await startPlansService();
  });

  afterAll(async () => {
    await service.close();
  });

  const agree = (path: SeededPath, overrides: Record<string, unknown> = {}) =>
    service.ask<PlanAnswer>(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
      pathId: path.pathId,
      body: agreePlanBody(path, overrides),
    });

  describe('agreeing and revising a plan', () => {
    it('should agree a plan with four parties, revise it and show both versions with readable diffs', async () => {
      const path = await seedPath(service.dataSource);
      const firstReview = daysFromToday(180);
      const movedReview = daysFromToday(270);

      const agreed = await agree(path, { reviewDate: firstReview });

      expect(agreed).toMatchObject({
        version: 1,
        reviewDate: firstReview,
        clientAgreed: true,
        parties: [
          { orgId: path.employmentAuthority.orgId, role: 'EMPLOYMENT_AUTHORITY' },
          { orgId: path.socialServices.orgId, role: 'SOCIAL_SERVICES' },
          { orgId: path.provider.orgId, role: 'PROVIDER' },
        ],
        planFamily: { plansPerClient: 2 },
      });
      expect(agreed.goals.map((goal) => goal.text)).toEqual([THREE_DAYS_GOAL, MORNINGS_GOAL]);
      const [agreedEvent] = await outboxEvents(
        service.dataSource,
        ACTIVATION_PLAN_AGREED_V1.subject,
        path.pathId,
      );
      expect(agreedEvent).toMatchObject({
        clientRef: path.clientRef,
        emitter: { orgId: path.employmentAuthority.orgId, orgRole: 'EMPLOYMENT_AUTHORITY' },
        legalBasis: ACTIVATION_PLAN_LEGAL_BASIS,
        data: { planId: agreed.planId, planVersion: 1, reviewDate: firstReview },
      });
      expect(await outboxEvents(service.dataSource, GOAL_SET_V1.subject, path.pathId)).toHaveLength(
        2,
      );

      // Social services had no part in the referral: the plan names it, so it sees the plan now.
      const seenBySocialServices = await service.ask<PlanAnswer>(
        PLAN_COMMANDS.getPlan,
        path.socialServices,
        { pathId: path.pathId },
      );
      expect(seenBySocialServices.planId).toBe(agreed.planId);

      const revised = await service.ask<PlanAnswer>(PLAN_COMMANDS.revisePlan, path.provider, {
        pathId: path.pathId,
        expectedVersion: 1,
        body: {
          ...agreePlanBody(path),
          reviewDate: movedReview,
          linkedPlans: [
            ...agreed.linkedPlans.map(({ kind, reference, heldByOrgId }) => ({
              kind,
              reference,
              ...(heldByOrgId === null ? {} : { heldByOrgId }),
            })),
            { kind: 'TYP_MULTISECTORAL_PLAN', reference: 'TYP-2026-0412' },
          ],
          goals: [...keptGoals(agreed), { text: 'Selvitän velkatilanteeni talousneuvonnassa.' }],
          reasonCategory: 'CLIENT_SITUATION_CHANGED',
          note: 'Velkaneuvonta aloitetaan ennen työtoiminnan laajentamista.',
        },
      });

      expect(revised).toMatchObject({ version: 2, reviewDate: movedReview });
      expect(revised.goals).toHaveLength(3);
      expect(revised.planFamily.plansPerClient).toBe(3);
      const [revisedEvent] = await outboxEvents(
        service.dataSource,
        ACTIVATION_PLAN_REVISED_V1.subject,
        path.pathId,
      );
      expect(revisedEvent).toMatchObject({
        consentRef: path.consentId,
        data: {
          planId: agreed.planId,
          planVersion: 2,
          changed: ['GOALS', 'LINKED_PLANS', 'REVIEW_DATE'],
          reasonCategory: 'CLIENT_SITUATION_CHANGED',
          reviewDate: movedReview,
        },
      });
      expect(revisedEvent.data).not.toHaveProperty('parties');
      // Only the new goal is set again; the unchanged ones keep their GoalSet of version 1.
      expect(await outboxEvents(service.dataSource, GOAL_SET_V1.subject, path.pathId)).toHaveLength(
        3,
      );

      const history = await service.ask<HistoryAnswer>(
        PLAN_COMMANDS.getPlanHistory,
        path.employmentAuthority,
        { pathId: path.pathId, limit: 100 },
      );
      expect(history.items.map((version) => version.version)).toEqual([1, 2]);
      expect(history.items[0]).toMatchObject({
        changedBy: {
          userId: path.employmentAuthority.userId,
          orgId: path.employmentAuthority.orgId,
        },
        reasonCategory: null,
        changed: [],
      });
      expect(history.items[0].diff).toContainEqual({
        part: 'PARTIES',
        change: 'ADDED',
        text: `Party added: ${path.socialServices.orgId} (SOCIAL_SERVICES)`,
      });
      expect(history.items[0].diff).toContainEqual({
        part: 'PARTIES',
        change: 'ADDED',
        text: 'Client agreement: agreed',
      });
      expect(history.items[1]).toEqual({
        version: 2,
        changedAt: expect.any(String) as string,
        changedBy: { userId: path.provider.userId, orgId: path.provider.orgId },
        reasonCategory: 'CLIENT_SITUATION_CHANGED',
        note: 'Velkaneuvonta aloitetaan ennen työtoiminnan laajentamista.',
        changed: ['GOALS', 'LINKED_PLANS', 'REVIEW_DATE'],
        diff: [
          {
            part: 'GOALS',
            change: 'ADDED',
            text: 'Goal added: “Selvitän velkatilanteeni talousneuvonnassa.”',
          },
          {
            part: 'LINKED_PLANS',
            change: 'ADDED',
            text: 'Linked plan added: TYP_MULTISECTORAL_PLAN TYP-2026-0412',
          },
          {
            part: 'REVIEW_DATE',
            change: 'CHANGED',
            text: `Review date moved from ${firstReview} to ${movedReview}`,
          },
        ],
      });
    });

    it('should record a change of parties for access at once and carry the parties in the event', async () => {
      const path = await seedPath(service.dataSource);
      const agreed = await agree(path);

      await service.ask(PLAN_COMMANDS.revisePlan, path.employmentAuthority, {
        pathId: path.pathId,
        expectedVersion: 1,
        body: {
          ...agreePlanBody(path, { reviewDate: agreed.reviewDate }),
          goals: keptGoals(agreed),
          parties: [
            { orgId: path.employmentAuthority.orgId, role: 'EMPLOYMENT_AUTHORITY' },
            { orgId: path.provider.orgId, role: 'PROVIDER' },
          ],
          reasonCategory: 'TRANSITION',
        },
      });

      const [revised] = await outboxEvents(
        service.dataSource,
        ACTIVATION_PLAN_REVISED_V1.subject,
        path.pathId,
      );
      expect(revised.data).toMatchObject({
        changed: ['PARTIES'],
        parties: [
          { orgId: path.employmentAuthority.orgId, role: 'EMPLOYMENT_AUTHORITY' },
          { orgId: path.provider.orgId, role: 'PROVIDER' },
        ],
      });
      // Social services was dropped by the revision: the plan is no longer its to see.
      expect(
        await service.askError(PLAN_COMMANDS.getPlan, path.socialServices, {
          pathId: path.pathId,
        }),
      ).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('should default the review date to six calendar months from today when none is given', async () => {
      const path = await seedPath(service.dataSource);
      const { reviewDate: _none, ...body } = agreePlanBody(path);

      const agreed = await service.ask<PlanAnswer>(
        PLAN_COMMANDS.agreePlan,
        path.employmentAuthority,
        { pathId: path.pathId, body },
      );

      expect(agreed.reviewDate).toBe(addCalendarMonths(finnishDateOf(new Date()), 6));
    });

    it('should answer CONFLICT when the path already has a plan', async () => {
      const path = await seedPath(service.dataSource);
      await agree(path);

      expect(
        await service.askError(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
          pathId: path.pathId,
          body: agreePlanBody(path),
        }),
      ).toMatchObject({ code: 'CONFLICT' });
    });

    it('should answer VALIDATION_FAILED when the agreeing organisation is not one of the parties', async () => {
      const path = await seedPath(service.dataSource);
      const body = agreePlanBody(path, {
        parties: [{ orgId: path.socialServices.orgId, role: 'SOCIAL_SERVICES' }],
      });

      const error = await service.askError(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
        pathId: path.pathId,
        body,
      });

      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'parties: your organisation must be one of the parties of the plan it agrees',
      });
      const plans = await service.dataSource.query<unknown[]>(
        'SELECT 1 FROM activation_plan WHERE path_id = $1',
        [path.pathId],
      );
      expect(plans).toHaveLength(0);
    });

    it('should answer VALIDATION_FAILED when a review date before today is asked for', async () => {
      const path = await seedPath(service.dataSource);

      expect(
        await service.askError(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
          pathId: path.pathId,
          body: agreePlanBody(path, { reviewDate: daysFromToday(-1) }),
        }),
      ).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('should answer PRECONDITION_FAILED and change nothing when the expected version is stale', async () => {
      const path = await seedPath(service.dataSource);
      await agree(path);
      const revision = {
        pathId: path.pathId,
        body: { ...agreePlanBody(path), clientAgreed: false, reasonCategory: 'CLIENT_REQUEST' },
      };
      await service.ask(PLAN_COMMANDS.revisePlan, path.employmentAuthority, {
        ...revision,
        expectedVersion: 1,
      });

      const error = await service.askError(PLAN_COMMANDS.revisePlan, path.employmentAuthority, {
        ...revision,
        body: { ...revision.body, clientAgreed: true },
        expectedVersion: 1,
      });

      expect(error).toMatchObject({
        code: 'PRECONDITION_FAILED',
        details: { expectedVersion: 1, currentVersion: 2 },
      });
      const versions = await service.dataSource.query<unknown[]>(
        `SELECT 1 FROM plan_version v JOIN activation_plan p ON p.id = v.plan_id
          WHERE p.path_id = $1`,
        [path.pathId],
      );
      expect(versions).toHaveLength(2);
    });

    it('should answer RULE_VIOLATED NOTHING_CHANGED when a revision repeats the current version', async () => {
      const path = await seedPath(service.dataSource);
      const agreed = await agree(path);

      const error = await service.askError(PLAN_COMMANDS.revisePlan, path.employmentAuthority, {
        pathId: path.pathId,
        expectedVersion: 1,
        body: {
          ...agreePlanBody(path, { reviewDate: agreed.reviewDate }),
          goals: keptGoals(agreed),
          reasonCategory: 'OTHER',
        },
      });

      expect(error).toMatchObject({
        code: 'RULE_VIOLATED',
        details: { violations: [{ rule: 'NOTHING_CHANGED' }] },
      });
    });

    it('should answer VALIDATION_FAILED when a revision keeps a goal that is not in the plan', async () => {
      const path = await seedPath(service.dataSource);
      await agree(path);

      const error = await service.askError(PLAN_COMMANDS.revisePlan, path.employmentAuthority, {
        pathId: path.pathId,
        expectedVersion: 1,
        body: {
          ...agreePlanBody(path),
          goals: [{ goalId: 'f0000000-0000-4000-8000-000000000000', text: 'Vieras tavoite' }],
          reasonCategory: 'OTHER',
        },
      });

      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(error.message).toContain('is not a goal of version 1');
    });

    it('should refuse to change a stored plan version', async () => {
      const path = await seedPath(service.dataSource);
      const agreed = await agree(path);

      await expect(
        service.dataSource.query(`UPDATE plan_version SET note = 'muutettu' WHERE plan_id = $1`, [
          agreed.planId,
        ]),
      ).rejects.toThrow('plan_version is immutable');
    });
  });

  describe('access', () => {
    it('should answer NOT_FOUND to an organisation that is not a party of the path', async () => {
      const path = await seedPath(service.dataSource);
      await agree(path);

      for (const subject of [PLAN_COMMANDS.getPlan, PLAN_COMMANDS.getPlanHistory]) {
        expect(
          await service.askError(subject, path.outsider, { pathId: path.pathId, limit: 100 }),
        ).toMatchObject({ code: 'NOT_FOUND' });
      }
      expect(
        await service.askError(PLAN_COMMANDS.agreePlan, path.outsider, {
          pathId: path.pathId,
          body: agreePlanBody(path),
        }),
      ).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('should answer NOT_FOUND for a path the service has never heard of', async () => {
      const path = await seedPath(service.dataSource);

      expect(
        await service.askError(PLAN_COMMANDS.getPlan, path.employmentAuthority, {
          pathId: 'f1111111-1111-4111-8111-111111111111',
        }),
      ).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('should answer NOT_FOUND to a party that the client has not let see the plan', async () => {
      const path = await seedPath(service.dataSource, { consentClasses: ['PATH'] });
      await agree(path);

      expect(
        await service.askError(PLAN_COMMANDS.getPlan, path.provider, { pathId: path.pathId }),
      ).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('goal progress', () => {
    it('should record a GAS level for a goal with a scale and show it as the latest progress', async () => {
      const path = await seedPath(service.dataSource);
      const agreed = await agree(path);
      const scaled = goalOf(agreed, { scaled: true });

      await service.ask(PLAN_COMMANDS.recordGoalProgress, path.provider, {
        pathId: path.pathId,
        id: scaled.goalId,
        body: { gasLevel: -1, assessedBy: 'CLIENT_WITH_WORKER' },
      });

      const plan = await service.ask<PlanAnswer>(PLAN_COMMANDS.getPlan, path.provider, {
        pathId: path.pathId,
      });
      expect(plan.goals.find((goal) => goal.goalId === scaled.goalId)).toMatchObject({
        gasScale: GAS_SCALE,
        latestProgress: { gasLevel: -1, assessedBy: 'CLIENT_WITH_WORKER' },
      });
      const [event] = await outboxEvents(
        service.dataSource,
        GOAL_PROGRESS_RECORDED_V1.subject,
        path.pathId,
      );
      expect(event.data).toMatchObject({ goalId: scaled.goalId, gasLevel: -1 });
    });

    it('should answer RULE_VIOLATED GAS_SCALE_MISSING for a GAS level of a goal without a scale', async () => {
      const path = await seedPath(service.dataSource);
      const agreed = await agree(path);
      const unscaled = goalOf(agreed, { scaled: false });

      const error = await service.askError(PLAN_COMMANDS.recordGoalProgress, path.provider, {
        pathId: path.pathId,
        id: unscaled.goalId,
        body: { gasLevel: 0, assessedBy: 'WORKER' },
      });

      expect(error).toMatchObject({
        code: 'RULE_VIOLATED',
        details: { violations: [{ rule: 'GAS_SCALE_MISSING', field: 'gasLevel' }] },
      });
    });
  });
});
