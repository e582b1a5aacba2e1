import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';
import { PathEngine } from '../path-engine/path.engine';
import { readPath } from '../path-engine/path.repository';
import type { PathState } from '../path';
import { arrivedEarly } from './arrival-order';
import type { EventInput } from './event-inputs';

/** Thrown so that the consumer redelivers the event later (see arrival-order.ts). */
export class PredecessorNotArrivedError extends Error {
  constructor(envelope: EventEnvelope<unknown>, pathId: string, reason: string) {
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

  /** The path as this service knows it, in the consumer's transaction. */
  stateOf(em: EntityManager, pathId: string): Promise<PathState | undefined> {
    return readPath(em, pathId);
  }

  async feed(
    em: EntityManager,
    envelope: EventEnvelope<unknown>,
    { pathId, input }: { readonly pathId: string; readonly input: EventInput },
    /** False for an event that only sometimes moves the path: never wait for a predecessor. */
    retryWhenEarly = true,
  ): Promise<void> {
    const outcome = await this.engine.decide(em, {
      pathId,
      input,
      origin: { kind: 'EVENT', envelope },
    });
    if (outcome.accepted) {
      return;
    }
    if (retryWhenEarly && arrivedEarly(outcome.before, input)) {
      throw new PredecessorNotArrivedError(envelope, pathId, outcome.refusal.message);
    }
    this.logger.warn(
      `${envelope.type} ${envelope.id} does not apply to path ${pathId} and is acknowledged (${outcome.refusal.code}): ${outcome.refusal.message}`,
    );
  }
}
