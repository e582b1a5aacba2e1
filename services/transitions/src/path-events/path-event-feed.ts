import { Injectable } from '@nestjs/common';
import type { ActivationPlanRevisedPayload, EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';
import type { Refusal } from '../path';
import { PathEngine } from '../path-engine/path.engine';
import { readPath } from '../path-engine/path.repository';
import { insertParkedEvent, lockUnseenPath } from '../parking/parked-event.repository';
import { arrivedEarly } from './arrival-order';
import { planAgreedInput, type EventInput } from './event-inputs';
import { parkableEventOf } from './parkable-events';
import { ParkedEventRetry } from './parked-event-retry';

/**
 * Thrown so that the consumer redelivers the event later: only for an early event this service
 * cannot park (parkable-events.ts names every event the machine is fed, so none today).
 */
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

/**
 * Feeds another service's event to the path machine, in the consumer's transaction. An event the
 * machine refuses as early is parked (acknowledged and kept, see arrival-order.ts); an event it
 * absorbs lets the path's parked events apply, in the same transaction.
 */
@Injectable()
export class PathEventFeed {
  constructor(
    private readonly engine: PathEngine,
    private readonly parked: ParkedEventRetry,
  ) {}
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
    const { envelope, pathId } = options;
    let outcome = await this.decide(em, options);
    if (!outcome.accepted && arrivedEarly(outcome.refusal) && outcome.before === undefined) {
      // No row to lock yet: wait for a transaction creating the path, then decide again on it.
      await lockUnseenPath(em, pathId);
      outcome = await this.decide(em, options);
    }
    if (outcome.accepted) {
      await this.parked.retry(em, { pathId, created: outcome.state.version === 1 });
      return;
    }
    if (!arrivedEarly(outcome.refusal)) {
      throw new UnabsorbedEventError({ envelope, pathId, refusal: outcome.refusal });
    }
    const parkable = parkableEventOf(envelope);
    if (parkable === undefined) {
      throw new PredecessorNotArrivedError({ envelope, pathId, reason: outcome.refusal.message });
    }
    await insertParkedEvent(em, {
      pathId,
      subject: parkable.subject,
      envelope,
      waitsFor: outcome.refusal.message,
    });
  }

  private decide(
    em: EntityManager,
    options: {
      readonly envelope: EventEnvelope<unknown>;
      readonly pathId: string;
      readonly input: EventInput;
    },
  ) {
    const { envelope, pathId, input } = options;
    return this.engine.decide(em, { pathId, input, origin: { kind: 'EVENT', envelope } });
  }
}
