import type { EntityManager } from 'typeorm';
import type { EventFacts } from './work-item-ops';
import type { MeasureFact, PlanFact, StepFact } from './decide-path-facts';

/** The path's card exists (a measure or plan event may come before its first NextStepSet). */
async function ensureCard(em: EntityManager, pathId: string): Promise<void> {
  await em.query(
    `INSERT INTO path_card (path_id, updated_at) VALUES ($1, NULL) ON CONFLICT (path_id) DO NOTHING`,
    [pathId],
  );
}

/**
 * Records a NextStepSet in the path's history and applies it to the card only when its version
 * is higher than the card's: one delivered late changes nothing but the history.
 */
export async function recordStep(em: EntityManager, step: StepFact & EventFacts): Promise<void> {
  await em.query(
    `INSERT INTO path_step (path_id, path_version, state, next_step, due_date, occurred_at, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (path_id, path_version) DO NOTHING`,
    [
      step.pathId,
      step.pathVersion,
      step.state,
      step.nextStep ?? null,
      step.dueDate ?? null,
      step.occurredAt,
      step.eventId,
    ],
  );
  await ensureCard(em, step.pathId);
  await em.query(
    `UPDATE path_card SET path_version = $2, step_set_at = $3, state = $4, accountable_org_id = $5,
            worker_id = $6, next_step = $7, due_date = $8, level = $9,
            updated_at = GREATEST(updated_at, $3::timestamptz)
      WHERE path_id = $1 AND (path_version IS NULL OR path_version < $2)`,
    [
      step.pathId,
      step.pathVersion,
      step.occurredAt,
      step.state,
      step.accountableOrgId ?? null,
      step.workerId ?? null,
      step.nextStep ?? null,
      step.dueDate ?? null,
      step.level ?? null,
    ],
  );
}

/** Organisations per client: each organisation that became a party, counted once. */
export async function addParties(
  em: EntityManager,
  pathId: string,
  orgIds: readonly string[],
  occurredAt: string,
): Promise<void> {
  await ensureCard(em, pathId);
  await em.query(
    `INSERT INTO path_party (path_id, org_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [pathId, [...orgIds]],
  );
  await em.query(
    `UPDATE path_card SET organisations_count =
            (SELECT count(*)::int FROM path_party WHERE path_id = $1),
            updated_at = GREATEST(updated_at, $2::timestamptz)
      WHERE path_id = $1`,
    [pathId, occurredAt],
  );
}

/**
 * A measure's start, pause, resume or end, kept per measure whatever the order of arrival; the
 * card shows the latest started measure that has not ended, paused while its latest pause is
 * after its latest resume.
 */
export async function recordMeasure(
  em: EntityManager,
  measure: MeasureFact & EventFacts,
): Promise<void> {
  await ensureCard(em, measure.pathId);
  const at = measure.occurredAt;
  await em.query(
    `INSERT INTO path_measure (path_id, measure_id, measure_type, provider_org_id, started_at,
            paused_at, resumed_at, ended)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (path_id, measure_id) DO UPDATE SET
            measure_type = COALESCE(EXCLUDED.measure_type, path_measure.measure_type),
            provider_org_id = COALESCE(EXCLUDED.provider_org_id, path_measure.provider_org_id),
            started_at = COALESCE(EXCLUDED.started_at, path_measure.started_at),
            paused_at = GREATEST(EXCLUDED.paused_at, path_measure.paused_at),
            resumed_at = GREATEST(EXCLUDED.resumed_at, path_measure.resumed_at),
            ended = EXCLUDED.ended OR path_measure.ended`,
    [
      measure.pathId,
      measure.measureId,
      measure.measureType ?? null,
      measure.providerOrgId ?? null,
      measure.change === 'STARTED' ? at : null,
      measure.change === 'PAUSED' ? at : null,
      measure.change === 'RESUMED' ? at : null,
      measure.change === 'ENDED',
    ],
  );
  await em.query(
    `UPDATE path_card c SET measure_id = m.measure_id, measure_type = m.measure_type,
            provider_org_id = m.provider_org_id,
            measure_paused = COALESCE(m.paused_at > COALESCE(m.resumed_at, '-infinity'), false),
            updated_at = GREATEST(c.updated_at, $2::timestamptz)
       FROM (SELECT NULL) one
       LEFT JOIN LATERAL (
         SELECT measure_id, measure_type, provider_org_id, paused_at, resumed_at
           FROM path_measure
          WHERE path_id = $1 AND NOT ended AND measure_type IS NOT NULL
          ORDER BY started_at DESC, measure_id DESC LIMIT 1) m ON true
      WHERE c.path_id = $1`,
    [measure.pathId, at],
  );
}

/**
 * An activation plan's agreement or revision: the latest agreement's time (which clears the
 * plan's reviews due before it) and the linked plans of its latest agreed version; the card
 * counts plans per client as each plan and its linked plans.
 */
export async function recordPlan(em: EntityManager, plan: PlanFact & EventFacts): Promise<void> {
  await ensureCard(em, plan.pathId);
  await em.query(
    `INSERT INTO path_plan (path_id, plan_id, linked_plans, linked_version, agreed_at, agreed_event_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (path_id, plan_id) DO UPDATE SET
            linked_plans = CASE WHEN EXCLUDED.linked_version > COALESCE(path_plan.linked_version, 0)
                                THEN EXCLUDED.linked_plans ELSE path_plan.linked_plans END,
            linked_version = GREATEST(EXCLUDED.linked_version, path_plan.linked_version),
            agreed_event_id = CASE WHEN EXCLUDED.agreed_at > path_plan.agreed_at
                                   THEN EXCLUDED.agreed_event_id ELSE path_plan.agreed_event_id END,
            agreed_at = GREATEST(EXCLUDED.agreed_at, path_plan.agreed_at)`,
    [
      plan.pathId,
      plan.planId,
      plan.linkedPlans ?? 0,
      plan.linkedPlans === undefined ? null : plan.planVersion,
      plan.occurredAt,
      plan.eventId,
    ],
  );
  await em.query(
    `UPDATE path_card SET plans_count =
            (SELECT COALESCE(sum(1 + linked_plans), 0)::int FROM path_plan WHERE path_id = $1),
            updated_at = GREATEST(updated_at, $2::timestamptz)
      WHERE path_id = $1`,
    [plan.pathId, plan.occurredAt],
  );
}
