import { Controller, Module } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CLIENT_REFERRED_V1, type ClientReferredPayload } from '@polku/contracts';
import {
  EventBatchPattern,
  JetStreamEventBatchContext,
  type ReceivedEvent,
} from '@polku/messaging';

/** The referral id a misbehaving handler writes into an event before it fails. */
export const CORRUPTED_REFERRAL_ID = '00000000-0000-4000-8000-000000000000';

/** What the batch handler was called with, and how it should misbehave, per referral id. */
export const batchHandlerLog = {
  /** Per call: the referral ids and stream sequences it got, in the order it got them. */
  calls: [] as { referralIds: string[]; sequences: number[] }[],
  throwTimes: new Map<string, number>(),
  alwaysThrow: new Set<string>(),
  /** Referrals whose event the handler rewrites (its referralId) and then fails on, once. */
  corruptThenThrow: new Set<string>(),
  reset(): void {
    this.calls.length = 0;
    this.throwTimes.clear();
    this.alwaysThrow.clear();
    this.corruptThenThrow.clear();
  },
};

/** The referral projection of referral-projection.fixture.ts, kept by a batch handler. */
@Controller()
class ReferralBatchProjectionHandler {
  @EventBatchPattern(CLIENT_REFERRED_V1.subject)
  async onClientReferred(
    @Payload() events: readonly ReceivedEvent[],
    @Ctx() context: JetStreamEventBatchContext,
  ): Promise<void> {
    for (const { envelope } of events) {
      const referral = envelope.data as { referralId: string };
      if (batchHandlerLog.corruptThenThrow.delete(referral.referralId)) {
        referral.referralId = CORRUPTED_REFERRAL_ID;
        throw new Error('the handler failed after changing the event it was given');
      }
    }
    const referrals = events.map(({ envelope }) => envelope.data as ClientReferredPayload);
    batchHandlerLog.calls.push({
      referralIds: referrals.map((referral) => referral.referralId),
      sequences: context.getEvents().map(({ delivery }) => delivery.streamSequence),
    });
    // All rows are written before any fault, so a failed call must leave no trace of them.
    await context.getEntityManager().query(
      `INSERT INTO test_referral_projection (event_id, referral_id, to_org_id, handled_by)
         SELECT event_id, referral_id, to_org_id, $4
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS e (event_id, referral_id, to_org_id)`,
      [
        events.map(({ envelope }) => envelope.id),
        referrals.map((referral) => referral.referralId),
        referrals.map((referral) => referral.toOrgId),
        String(process.pid),
      ],
    );
    for (const { referralId } of referrals) {
      if (batchHandlerLog.alwaysThrow.has(referralId)) {
        throw new Error(`the projection store rejected referral ${referralId}`);
      }
      const left = batchHandlerLog.throwTimes.get(referralId) ?? 0;
      if (left > 0) {
        batchHandlerLog.throwTimes.set(referralId, left - 1);
        throw new Error(`transient failure on referral ${referralId}`);
      }
    }
  }
}

@Module({ controllers: [ReferralBatchProjectionHandler] })
export class ReferralBatchProjectionModule {}
