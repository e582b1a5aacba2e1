import { GOAL_SET_V1 } from '@polku/contracts';
import type { OutboxWriter } from '@polku/messaging';
import type { PathEventEnvelope } from '@polku/path-access';
import type { EntityManager } from 'typeorm';
import type { LinkedPlanEntry, PlanGoalEntry } from './plan-content';

/** A linked plan as the event contracts have it: the holder only when there is one. */
export const linkedPlanPayload = (plan: LinkedPlanEntry) => ({
  kind: plan.kind,
  reference: plan.reference,
  ...(plan.heldByOrgId === null ? {} : { heldByOrgId: plan.heldByOrgId }),
});

/** One GoalSet per goal that is new or changed, in the caller's transaction. */
export async function appendGoalSetEvents(
  em: EntityManager,
  options: {
    readonly outbox: OutboxWriter;
    readonly envelope: PathEventEnvelope;
    readonly planId: string;
    readonly goals: readonly PlanGoalEntry[];
    readonly occurredAt: Date;
  },
): Promise<void> {
  for (const goal of options.goals) {
    await options.outbox.append(em, GOAL_SET_V1.subject, {
      ...options.envelope,
      occurredAt: options.occurredAt,
      data: {
        planId: options.planId,
        goalId: goal.goalId,
        text: goal.text,
        ...(goal.gasScale === null ? {} : { gasScale: { ...goal.gasScale } }),
      },
    });
  }
}
