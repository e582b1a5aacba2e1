import { Injectable } from '@nestjs/common';
import type { ActivationPlanRevisedPayload, EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';
import type { Refusal } from '../path';
import { PathEngine } from '../path-engine/path.engine';
import { readPath } from '../path-engine/path.repository';
import { arrivedEarly } from './arrival-order';
import { planAgreedInput, type EventInput } from './event-inputs';

/** Thrown so that the consumer redelivers the event later (see arrival-order.ts). */
export class PredecessorNotArrivedError extends Error {
  constructor({
    envelope,
    pathId,
    reason,
  }: {
    readonly envelope: EventEnvelope<unknown>;
    readonly pathId: string;
    readonly reason: string;
  }) {
    super(
      `${envelope.type} ${envelope.id} came before an event of path ${pathId} it follows: ${reason}`,
    );
    this.name = 'PredecessorNotArrivedError';
  }
}

/**
 * The machine refused another service's event for another reason than its arrival order: the
 * event is malformed, or the machine fails to absorb a fact it should (a bug). Thrown so that the
 * event ends as a dead letter with this message, never acknowledged and lost.
 */
export class UnabsorbedEventError extends Error {
  constructor({
    envelope,
    pathId,
    refusal,
  }: {
    readonly envelope: EventEnvelope<unknown>;
    readonly pathId: string;
    readonly refusal: Refusal;
  }) {
    super(
      `${envelope.type} ${envelope.id} was not absorbed by path ${pathId} (${refusal.code}): ${refusal.message}. Another service's event is a fact; the path machine must record it or move the path (docs/path-rules.md).`,
    );
    this.name = 'UnabsorbedEventError';
  }
}

/** Feeds another service's event to the path machine, in the consumer's transaction. */
@Injectable()
export class PathEventFeed {
  constructor(private readonly engine: PathEngine) {}

  /**
   * A path has one plan (activation-plans), so after a hand-off the receiver revises it rather
   * than agreeing a new one: a revision agrees the plan of a path waiting for one (PLANNING), or
   * of a path deciding its next step after a measure. Anywhere else it only matters for access,
   * and it is never waited for.
   */
  async feedPlanRevision(
    em: EntityManager,
    envelope: EventEnvelope<ActivationPlanRevisedPayload>,
  ): Promise<void> {
    const path = await readPath(em, envelope.pathId);
    const waitingForPlan = path?.state === 'PLANNING' && path.nextStep?.kind === 'AGREE_PLAN';
    // After a measure ended, activation-plans starts the next one only on a revised plan: the
    // revision is the plan for the next step (docs/path-rules.md).
    const decidingNextStep =
      path?.state === 'TRANSITION_PENDING' &&
      path.pendingHandoff === null &&
      path.activeMeasure === null;
    if (waitingForPlan || decidingNextStep) {
      await this.feed(em, { envelope, ...planAgreedInput(envelope) });
    }
  }

  async feed(
    em: EntityManager,
    options: {
      readonly envelope: EventEnvelope<unknown>;
      readonly pathId: string;
      readonly input: EventInput;
    },
  ): Promise<void> {
    const { envelope, pathId, input } = options;
    const outcome = await this.engine.decide(em, {
      pathId,
      input,
      origin: { kind: 'EVENT', envelope },
    });
    if (outcome.accepted) {
      return;
    }
    if (arrivedEarly(outcome.refusal)) {
      throw new PredecessorNotArrivedError({ envelope, pathId, reason: outcome.refusal.message });
    }
    throw new UnabsorbedEventError({ envelope, pathId, refusal: outcome.refusal });
  }
}
