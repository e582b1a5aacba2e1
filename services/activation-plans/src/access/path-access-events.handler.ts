import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  OWNERSHIP_TRANSFERRED_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  TRANSITION_ACCEPTED_V1,
  TRANSITION_DECLINED_V1,
  TRANSITION_PROPOSED_V1,
  type ClientReferredPayload,
  type EventEnvelope,
} from '@polku/contracts';
import type { JetStreamEventContext } from '@polku/messaging';
import { projectPathAccessEvent, recordPathClientRef } from '@polku/path-access';

/**
 * Keeps this service's access projection (referrals and consents of each path from
 * client-intake's events; hand-offs and ownership from transitions' events), in the consumer's transaction, so each event is applied once with its
 * inbox row. The two plan events of the projection are not consumed: this service records its
 * plan parties itself, in the transaction that changes them (recordPlanParties), so access
 * follows a plan at once instead of after a round trip through the stream.
 */
@Controller()
export class PathAccessEventsHandler {
  @EventPattern(CLIENT_REFERRED_V1.subject)
  async onClientReferred(
    @Payload() envelope: EventEnvelope<ClientReferredPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    const em = context.getEntityManager();
    await recordPathClientRef(em, envelope.pathId, envelope.clientRef);
    await projectPathAccessEvent(em, envelope);
  }

  // Every other source of access: one handler, one durable consumer per subject (Nest
  // registers a handler once for each pattern it names).
  @EventPattern([
    REFERRAL_ACCEPTED_V1.subject,
    REFERRAL_DECLINED_V1.subject,
    CONSENT_GRANTED_V1.subject,
    CONSENT_WITHDRAWN_V1.subject,
    TRANSITION_PROPOSED_V1.subject,
    TRANSITION_ACCEPTED_V1.subject,
    TRANSITION_DECLINED_V1.subject,
    OWNERSHIP_TRANSFERRED_V1.subject,
  ])
  async onAccessSource(
    @Payload() envelope: EventEnvelope<unknown>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await projectPathAccessEvent(context.getEntityManager(), envelope);
  }
}
