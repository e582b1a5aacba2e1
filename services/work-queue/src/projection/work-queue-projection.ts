import type { EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';
import { decidePathFacts, type PathFact } from './decide-path-facts';
import { decideWorkItems } from './decide-work-items';
import { addParties, recordMeasure, recordPlan, recordStep } from './path-card.repository';
import { clearByCourse, clearReviewedPlans, syncPathStep } from './path-course';
import { decideClear, decideOpening } from './work-item-rules';
import type { WorkItemOp } from './work-item-ops';
import { clearDependents, findItem, lockPaths, saveItem } from './work-item.repository';

/** Events after which the path's course may have cleared an item (path-course.ts). */
const COURSE_SIGNALS = new Set(['NextStepSet', 'NextStepOverdue', 'MeasureEndingSoon']);
/** Events after which a plan's review may count as done (path-course.ts). */
const PLAN_SIGNALS = new Set([
  'ActivationPlanAgreed',
  'ActivationPlanRevised',
  'PlanReviewDue',
  'PlanReviewOverdue',
]);

async function applyFact(em: EntityManager, fact: PathFact): Promise<void> {
  switch (fact.fact) {
    case 'step':
      return recordStep(em, fact);
    case 'parties':
      return addParties(em, fact.pathId, fact.orgIds, fact.occurredAt);
    case 'measure':
      return recordMeasure(em, fact);
    case 'plan':
      return recordPlan(em, fact);
  }
}

async function applyItemOp(em: EntityManager, op: WorkItemOp): Promise<void> {
  const existing = await findItem(em, op.key);
  if (op.op === 'open') {
    const underlying =
      op.underlyingKey === undefined ? undefined : await findItem(em, op.underlyingKey);
    await saveItem(em, decideOpening(existing, op, underlying));
    return;
  }
  const cleared = decideClear(existing, op);
  await saveItem(em, cleared);
  await clearDependents(em, cleared);
}

/** The paths an event's rows live on: its own, and for a linked referral the path it was held on. */
function pathsOf(envelope: EventEnvelope<unknown>): string[] {
  const held = (envelope.data as { heldPathId?: unknown } | undefined)?.heldPathId;
  return typeof held === 'string' ? [envelope.pathId, held] : [envelope.pathId];
}

/**
 * Puts a batch of events on the work queue and the caseload, in the consumer's transaction
 * (docs/work-queue.md, "What lands where"). Each event's effect is a deterministic function of
 * the events seen, whatever their order: openings and clears meet in one row per item, the
 * card follows the highest path version, and what the path's course or a plan's agreement
 * clears is decided again from the history after each event of theirs.
 */
export async function projectWorkQueue(
  em: EntityManager,
  envelopes: readonly EventEnvelope<unknown>[],
): Promise<void> {
  await lockPaths(em, envelopes.flatMap(pathsOf));
  for (const envelope of envelopes) {
    for (const fact of decidePathFacts(envelope)) {
      await applyFact(em, fact);
    }
    for (const op of decideWorkItems(envelope)) {
      await applyItemOp(em, op);
    }
    if (envelope.type === 'NextStepSet') {
      await syncPathStep(em, envelope.pathId);
    }
    if (COURSE_SIGNALS.has(envelope.type)) {
      await clearByCourse(em, envelope.pathId);
    }
    if (PLAN_SIGNALS.has(envelope.type)) {
      await clearReviewedPlans(em, envelope.pathId);
    }
  }
}
