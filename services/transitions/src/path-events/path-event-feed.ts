import { Injectable, Logger } from '@nestjs/common';
import type { ActivationPlanRevisedPayload, EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';
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

/** Feeds another service's event to the path machine, in the consumer's transaction. */
@Injectable()
export class PathEventFeed {
  private readonly logger = new Logger(PathEventFeed.name);

  constructor(private readonly engine: PathEngine) {}

  /**
   * A path has one plan (activation-plans), so after a hand-off the receiver revises it rather
   * than agreeing a new one: a revision agrees the plan of a path waiting for one (PLANNING).
   * Anywhere else it only matters for access, and it is never waited for.
   */
  async feedPlanRevision(
    em: EntityManager,
    envelope: EventEnvelope<ActivationPlanRevisedPayload>,
  ): Promise<void> {
    const path = await readPath(em, envelope.pathId);
    if (path?.state === 'PLANNING' && path.nextStep?.kind === 'AGREE_PLAN') {
      await this.feed(em, { envelope, ...planAgreedInput(envelope), retryWhenEarly: false });
    }
  }

  async feed(
    em: EntityManager,
    options: {
      readonly envelope: EventEnvelope<unknown>;
      readonly pathId: string;
      readonly input: EventInput;
      /** False for an event that only sometimes moves the path: never wait for a predecessor. */
      readonly retryWhenEarly?: boolean;
    },
  ): Promise<void> {
    const { envelope, pathId, input, retryWhenEarly = true } = options;
    const outcome = await this.engine.decide(em, {
      pathId,
      input,
      origin: { kind: 'EVENT', envelope },
    });
    if (outcome.accepted) {
      return;
    }
    if (retryWhenEarly && arrivedEarly(outcome.before, input)) {
      throw new PredecessorNotArrivedError({ envelope, pathId, reason: outcome.refusal.message });
    }
    this.logger.warn(
      `${envelope.type} ${envelope.id} does not apply to path ${pathId} and is acknowledged (${outcome.refusal.code}): ${outcome.refusal.message}`,
    );
  }
}
