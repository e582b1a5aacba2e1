import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CLIENT_REFERRED_V1,
  type ClientReferredPayload,
  type EventEnvelope,
} from '@polku/contracts';
import {
  JetStreamEventContext,
  MessagingTables1763900000000,
  type EventDelivery,
} from '@polku/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A projection of ClientReferred events, kept by the consumer under test. */
export class ReferralProjectionTable1763900000001 implements MigrationInterface {
  readonly name = 'ReferralProjectionTable1763900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No unique key on event_id on purpose: a second application of an event shows as a second row.
    await queryRunner.query(`
      CREATE TABLE test_referral_projection (
        row_id bigserial PRIMARY KEY,
        event_id uuid NOT NULL,
        referral_id uuid NOT NULL,
        to_org_id uuid NOT NULL,
        handled_by text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE test_referral_projection');
  }
}

export const FIXTURE_MIGRATIONS = [
  MessagingTables1763900000000,
  ReferralProjectionTable1763900000001,
];

/** How the handler should misbehave, per referral id. */
export const handlerFaults = {
  throwTimes: new Map<string, number>(),
  alwaysThrow: new Set<string>(),
  attempts: new Map<string, number>(),
  /** What the handler was told about each delivery it got, per referral id. */
  deliveries: new Map<string, EventDelivery[]>(),
  reset(): void {
    this.throwTimes.clear();
    this.alwaysThrow.clear();
    this.attempts.clear();
    this.deliveries.clear();
  },
};

@Controller()
class ReferralProjectionHandler {
  @EventPattern(CLIENT_REFERRED_V1.subject)
  async onClientReferred(
    @Payload() envelope: EventEnvelope<ClientReferredPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    const referralId = envelope.data.referralId;
    handlerFaults.attempts.set(referralId, (handlerFaults.attempts.get(referralId) ?? 0) + 1);
    handlerFaults.deliveries.set(referralId, [
      ...(handlerFaults.deliveries.get(referralId) ?? []),
      context.getDelivery(),
    ]);
    const em = context.getEntityManager();
    // The effect is written before the fault, so a failed attempt must leave no trace of it.
    await em.query(
      'INSERT INTO test_referral_projection (event_id, referral_id, to_org_id, handled_by) VALUES ($1, $2, $3, $4)',
      [envelope.id, referralId, envelope.data.toOrgId, String(process.pid)],
    );
    if (handlerFaults.alwaysThrow.has(referralId)) {
      throw new Error('the projection store rejected the row');
    }
    const left = handlerFaults.throwTimes.get(referralId) ?? 0;
    if (left > 0) {
      handlerFaults.throwTimes.set(referralId, left - 1);
      throw new Error(`transient failure, ${left - 1} more to come`);
    }
  }
}

@Module({ controllers: [ReferralProjectionHandler] })
export class ReferralProjectionModule {}
