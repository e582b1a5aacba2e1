import { PLAN_COMMANDS, PLAN_REVIEW_DUE_V1, PLAN_REVIEW_OVERDUE_V1 } from '@polku/contracts';
import { ACTIVATION_PLAN_LEGAL_BASIS } from '@polku/path-access';
import { waitFor } from '@polku/testing';
import {
  addBusinessDays,
  addCalendarMonths,
  finnishDateOf,
  startOfFinnishDay,
} from '@polku/timers';
import { PlanReviewPoller } from '../src/reviews/plan-review-poller';
import { POLKU_SYSTEM_ORG_ID } from '@polku/auth';
import { agreePlanBody, daysFromToday } from './support/plan-bodies';
import { outboxEvents, startPlansService, type PlansService } from './support/plans-service';
import { seedPath, type SeededPath } from './support/seeded-path';

interface TimerRow {
  key: string;
  status: string;
  due_at: Date;
}

interface PlanAnswer {
  planId: string;
  reviewDate: string;
  goals: { goalId: string; text: string; gasScale: unknown }[];
}

describe('plan reviews on timers', () => {
  let service: PlansService;

  beforeAll(async () => {
    // The poller looks every 100 ms, so a timer due now fires within the test's deadline.
    service = await startPlansService({ TIMER_POLL_INTERVAL_MS: '100' });
  });

  afterAll(async () => {
    await service.close();
  });

  async function timersOf(planId: string): Promise<TimerRow[]> {
    return service.dataSource.query<TimerRow[]>(
      `SELECT key, status, due_at FROM timer WHERE key LIKE $1 ORDER BY created_at, key`,
      [`%:${planId}:%`],
    );
  }

  async function agree(path: SeededPath, reviewDate: string): Promise<PlanAnswer> {
    return service.ask<PlanAnswer>(PLAN_COMMANDS.agreePlan, path.employmentAuthority, {
      pathId: path.pathId,
      body: agreePlanBody(path, { reviewDate }),
    });
  }

  const reviewEvents = (subject: string, path: SeededPath) =>
    outboxEvents<{ planId: string; dueDate: string }>(service.dataSource, subject, path.pathId);

  /** Agrees a plan reviewed today and waits until its due timer has fired. */
  async function planDueToday(): Promise<{ path: SeededPath; plan: PlanAnswer; today: string }> {
    const path = await seedPath(service.dataSource);
    const today = finnishDateOf(new Date());
    const plan = await agree(path, today);
    await waitFor(async () => (await reviewEvents(PLAN_REVIEW_DUE_V1.subject, path)).length > 0, {
      description: 'PlanReviewDue in the outbox',
    });
    return { path, plan, today };
  }

  it('should write PlanReviewDue exactly once when the review date is today and schedule the overdue timer', async () => {
    const { path, plan, today } = await planDueToday();

    // Whatever the poller does next, the fired timer does not fire again.
    await service.app.get(PlanReviewPoller).poller.fireDue();
    const due = await reviewEvents(PLAN_REVIEW_DUE_V1.subject, path);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      clientRef: path.clientRef,
      emitter: {
        orgId: POLKU_SYSTEM_ORG_ID,
        orgRole: 'SYSTEM',
        actorRole: 'SYSTEM',
        actorId: 'activation-plans:plan-review-timer',
      },
      legalBasis: ACTIVATION_PLAN_LEGAL_BASIS,
      data: { planId: plan.planId, dueDate: today },
    });
    expect(await timersOf(plan.planId)).toEqual([
      {
        key: `plan-review-due:${plan.planId}:${today}`,
        status: 'FIRED',
        due_at: startOfFinnishDay(today),
      },
      {
        key: `plan-review-overdue:${plan.planId}:${today}`,
        status: 'SCHEDULED',
        due_at: startOfFinnishDay(addBusinessDays(today, 10)),
      },
    ]);
    expect(await reviewEvents(PLAN_REVIEW_OVERDUE_V1.subject, path)).toHaveLength(0);
  });

  it('should write PlanReviewOverdue when the overdue timer comes due', async () => {
    const { path, plan, today } = await planDueToday();
    // Move the overdue timer's due time to now instead of waiting ten business days.
    await service.dataSource.query(
      `UPDATE timer SET due_at = now() - interval '1 second' WHERE key = $1 AND status = 'SCHEDULED'`,
      [`plan-review-overdue:${plan.planId}:${today}`],
    );

    const [overdue] = await waitFor(
      async () => {
        const events = await reviewEvents(PLAN_REVIEW_OVERDUE_V1.subject, path);
        return events.length > 0 ? events : undefined;
      },
      { description: 'PlanReviewOverdue in the outbox' },
    );

    expect(overdue.data).toEqual({ planId: plan.planId, dueDate: today });
  });

  it('should cancel the old date’s timer and schedule the new one when a revision moves the review date', async () => {
    const path = await seedPath(service.dataSource);
    const first = daysFromToday(120);
    const moved = daysFromToday(200);
    const plan = await agree(path, first);

    await service.ask(PLAN_COMMANDS.revisePlan, path.employmentAuthority, {
      pathId: path.pathId,
      expectedVersion: 1,
      body: {
        ...agreePlanBody(path, { reviewDate: moved }),
        goals: plan.goals.map(({ goalId, text, gasScale }) => ({
          goalId,
          text,
          ...(gasScale === null ? {} : { gasScale }),
        })),
        reasonCategory: 'CLIENT_REQUEST',
      },
    });

    expect(await timersOf(plan.planId)).toEqual([
      {
        key: `plan-review-due:${plan.planId}:${first}`,
        status: 'CANCELLED',
        due_at: startOfFinnishDay(first),
      },
      {
        key: `plan-review-due:${plan.planId}:${moved}`,
        status: 'SCHEDULED',
        due_at: startOfFinnishDay(moved),
      },
    ]);
  });

  it('should cancel the overdue timer and set the next review at a scheduled review', async () => {
    const { path, plan, today } = await planDueToday();
    const next = addCalendarMonths(today, 6);

    const revised = await service.ask<PlanAnswer>(
      PLAN_COMMANDS.revisePlan,
      path.employmentAuthority,
      {
        pathId: path.pathId,
        expectedVersion: 1,
        body: {
          ...agreePlanBody(path),
          reviewDate: undefined,
          goals: plan.goals.map(({ goalId, text, gasScale }) => ({
            goalId,
            text,
            ...(gasScale === null ? {} : { gasScale }),
          })),
          reasonCategory: 'SCHEDULED_REVIEW',
        },
      },
    );

    expect(revised.reviewDate).toBe(next);
    const live = (await timersOf(plan.planId)).filter((timer) =>
      ['SCHEDULED', 'SUSPENDED'].includes(timer.status),
    );
    expect(live).toEqual([
      {
        key: `plan-review-due:${plan.planId}:${next}`,
        status: 'SCHEDULED',
        due_at: startOfFinnishDay(next),
      },
    ]);
    const overdue = (await timersOf(plan.planId)).find((timer) =>
      timer.key.startsWith('plan-review-overdue:'),
    );
    expect(overdue?.status).toBe('CANCELLED');
  });
});
