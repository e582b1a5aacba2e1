import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CLIENT_EXITED_V1,
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  HANDOFF_COMPLETED_V1,
  HANDOFF_DECLINED_V1,
  HANDOFF_PROPOSED_V1,
  INTAKE_COMPLETED_V1,
  PATH_CLOSED_V1,
  type ClientExitedPayload,
  type ClientReturnedToIntermediateMarketPayload,
  type EventEnvelope,
  type HandoffCompletedPayload,
  type HandoffDeclinedPayload,
  type HandoffProposedPayload,
  type PathClosedPayload,
} from '@polku/contracts';
import type { JetStreamEventContext } from '@polku/messaging';
import { projectPathAccessEvents } from '@polku/path-access';
import {
  recordClosure,
  recordContinuation,
  recordExit,
  recordHandoffFact,
  recordIntakeCompleted,
} from './path-stage.repository';

/**
 * The path's stage from client-intake's and transitions' events, each in the consumer's
 * transaction. Every event is recorded, none refused: they are facts, and the commands of this
 * service ask the projection what the path allows (path-state-rules.ts). A hand-off's proposal
 * and decline also move access, and a service has one durable per subject, so these two
 * handlers project access too (the access projection handler leaves them out).
 */
@Controller()
export class PathStageProjectionHandler {
  @EventPattern(INTAKE_COMPLETED_V1.subject)
  async onIntakeCompleted(
    @Payload() envelope: EventEnvelope<unknown>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    // Only that and when: the intake's content (health flags among it) is not kept here.
    await recordIntakeCompleted(context.getEntityManager(), {
      pathId: envelope.pathId,
      at: envelope.occurredAt,
    });
  }

  @EventPattern(HANDOFF_PROPOSED_V1.subject)
  async onHandoffProposed(
    @Payload() envelope: EventEnvelope<HandoffProposedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    const em = context.getEntityManager();
    await projectPathAccessEvents(em, [envelope]);
    await recordHandoffFact(em, {
      pathId: envelope.pathId,
      handoffId: envelope.data.handoffId,
      column: 'proposed_at',
      at: envelope.occurredAt,
    });
  }

  @EventPattern(HANDOFF_DECLINED_V1.subject)
  async onHandoffDeclined(
    @Payload() envelope: EventEnvelope<HandoffDeclinedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    const em = context.getEntityManager();
    await projectPathAccessEvents(em, [envelope]);
    await recordHandoffFact(em, {
      pathId: envelope.pathId,
      handoffId: envelope.data.handoffId,
      column: 'declined_at',
      at: envelope.occurredAt,
    });
  }

  @EventPattern(HANDOFF_COMPLETED_V1.subject)
  async onHandoffCompleted(
    @Payload() envelope: EventEnvelope<HandoffCompletedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await recordHandoffFact(context.getEntityManager(), {
      pathId: envelope.pathId,
      handoffId: envelope.data.handoffId,
      column: 'completed_at',
      at: envelope.occurredAt,
    });
  }

  @EventPattern(CLIENT_EXITED_V1.subject)
  async onClientExited(
    @Payload() envelope: EventEnvelope<ClientExitedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await recordExit(context.getEntityManager(), {
      pathId: envelope.pathId,
      at: envelope.occurredAt,
      category: envelope.data.destination.category,
    });
  }

  @EventPattern(PATH_CLOSED_V1.subject)
  async onPathClosed(
    @Payload() envelope: EventEnvelope<PathClosedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await recordClosure(context.getEntityManager(), {
      pathId: envelope.pathId,
      at: envelope.occurredAt,
    });
  }

  @EventPattern(CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject)
  async onClientReturned(
    @Payload() envelope: EventEnvelope<ClientReturnedToIntermediateMarketPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    // The envelope's path is the new one; the previous path is continued by it.
    await recordContinuation(context.getEntityManager(), {
      pathId: envelope.data.previousPathId,
      newPathId: envelope.pathId,
    });
  }
}
