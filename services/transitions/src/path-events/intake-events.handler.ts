import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CLIENT_REFERRED_V1,
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  INTAKE_COMPLETED_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LINKED_V1,
  type ClientReferredPayload,
  type ClientReturnedToIntermediateMarketPayload,
  type EventEnvelope,
  type IntakeCompletedPayload,
  type ReferralAcceptedPayload,
  type ReferralDeclinedPayload,
} from '@polku/contracts';
import type { JetStreamEventContext } from '@polku/messaging';
import { projectPathAccessEvents, recordPathClientRefs } from '@polku/path-access';
import {
  intakeCompletedInput,
  referralAcceptedInput,
  referralDeclinedInput,
  referredInput,
  returnedInput,
} from './event-inputs';
import { PathEventFeed } from './path-event-feed';

/**
 * client-intake's events: referrals and their answers, the intake, a client's return, and the
 * consents of the access projection. An event the projection reads is projected first, then fed
 * to the path machine, both in the consumer's transaction. An event the machine parks until its
 * predecessor arrives (arrival-order.ts) is projected at once: the projection gives the same
 * result in whatever order events arrive (libs/path-access/src/projection/source-rows.ts).
 */
@Controller()
export class IntakeEventsHandler {
  constructor(private readonly feed: PathEventFeed) {}

  @EventPattern(CLIENT_REFERRED_V1.subject)
  async onClientReferred(
    @Payload() envelope: EventEnvelope<ClientReferredPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    const em = context.getEntityManager();
    await recordPathClientRefs(em, [envelope]);
    await projectPathAccessEvents(em, [envelope]);
    await this.feed.feed(em, { envelope, ...referredInput(envelope) });
  }

  @EventPattern(REFERRAL_ACCEPTED_V1.subject)
  async onReferralAccepted(
    @Payload() envelope: EventEnvelope<ReferralAcceptedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    const em = context.getEntityManager();
    await projectPathAccessEvents(em, [envelope]);
    await this.feed.feed(em, { envelope, ...referralAcceptedInput(envelope) });
  }

  @EventPattern(REFERRAL_DECLINED_V1.subject)
  async onReferralDeclined(
    @Payload() envelope: EventEnvelope<ReferralDeclinedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    const em = context.getEntityManager();
    await projectPathAccessEvents(em, [envelope]);
    await this.feed.feed(em, { envelope, ...referralDeclinedInput(envelope) });
  }

  @EventPattern(INTAKE_COMPLETED_V1.subject)
  async onIntakeCompleted(
    @Payload() envelope: EventEnvelope<IntakeCompletedPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await this.feed.feed(context.getEntityManager(), {
      envelope,
      ...intakeCompletedInput(envelope),
    });
  }

  @EventPattern(CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject)
  async onClientReturned(
    @Payload() envelope: EventEnvelope<ClientReturnedToIntermediateMarketPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await this.feed.feed(context.getEntityManager(), { envelope, ...returnedInput(envelope) });
  }

  // Consents and referral links only change who may see the path (one durable consumer per
  // subject).
  @EventPattern([
    CONSENT_GRANTED_V1.subject,
    CONSENT_WITHDRAWN_V1.subject,
    REFERRAL_LINKED_V1.subject,
  ])
  async onConsent(
    @Payload() envelope: EventEnvelope<unknown>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await projectPathAccessEvents(context.getEntityManager(), [envelope]);
  }
}
