import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  MEASURE_ENDED_V1,
  MEASURE_PAUSED_V1,
  MEASURE_RESUMED_V1,
  MEASURE_STARTED_V1,
  type ActivationPlanAgreedPayload,
  type ActivationPlanRevisedPayload,
  type EventEnvelope,
  type MeasureEndedPayload,
  type MeasurePausedPayload,
  type MeasureResumedPayload,
  type MeasureStartedPayload,
} from '@polku/contracts';
import type { JetStreamEventContext } from '@polku/messaging';
import { projectPathAccessEvents } from '@polku/path-access';
import {
  measureEndedInput,
  measurePausedInput,
  measureResumedInput,
  measureStartedInput,
  planAgreedInput,
} from './event-inputs';
import { PathEventFeed } from './path-event-feed';

/**
 * activation-plans' events: the plan (its parties for the access projection; its agreement for
 * the path) and the measures that move the path between IN_MEASURE, PAUSED and
 * TRANSITION_PENDING, each in the consumer's transaction.
 */
@Controller()
export class PlanEventsHandler {
  constructor(private readonly feed: PathEventFeed) {}

  @EventPattern(ACTIVATION_PLAN_AGREED_V1.subject)
  async onPlanAgreed(
    @Payload() envelope: EventEnvelope<ActivationPlanAgreedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    const em = context.getEntityManager();
    await projectPathAccessEvents(em, [envelope]);
    await this.feed.feed(em, { envelope, ...planAgreedInput(envelope) });
  }

  @EventPattern(ACTIVATION_PLAN_REVISED_V1.subject)
  async onPlanRevised(
    @Payload() envelope: EventEnvelope<ActivationPlanRevisedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    const em = context.getEntityManager();
    await projectPathAccessEvents(em, [envelope]);
    await this.feed.feedPlanRevision(em, envelope);
  }

  @EventPattern(MEASURE_STARTED_V1.subject)
  async onMeasureStarted(
    @Payload() envelope: EventEnvelope<MeasureStartedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await this.feed.feed(context.getEntityManager(), {
      envelope,
      ...measureStartedInput(envelope),
    });
  }

  @EventPattern(MEASURE_PAUSED_V1.subject)
  async onMeasurePaused(
    @Payload() envelope: EventEnvelope<MeasurePausedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await this.feed.feed(context.getEntityManager(), { envelope, ...measurePausedInput(envelope) });
  }

  @EventPattern(MEASURE_RESUMED_V1.subject)
  async onMeasureResumed(
    @Payload() envelope: EventEnvelope<MeasureResumedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await this.feed.feed(context.getEntityManager(), {
      envelope,
      ...measureResumedInput(envelope),
    });
  }

  @EventPattern(MEASURE_ENDED_V1.subject)
  async onMeasureEnded(
    @Payload() envelope: EventEnvelope<MeasureEndedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await this.feed.feed(context.getEntityManager(), { envelope, ...measureEndedInput(envelope) });
  }
}
