import { randomUUID } from 'node:crypto';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CLIENT_REFERRED_V1,
  type ClientReferredPayload,
  type EventEnvelope,
} from '@polku/contracts';
import {
  EventBatchPattern,
  JetStreamEventBatchContext,
  JetStreamEventContext,
  MessagingTables1763900000000,
  type NewEvent,
  type ReceivedEvent,
} from '@polku/messaging';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projection the bench's consumer keeps: one row per event, stamped with the database's
 * clock at the moment of the INSERT (clock_timestamp(), not now(), which is the start of the
 * consumer's batch transaction).
 */
export class BenchProjectionTable1763990000000 implements MigrationInterface {
  readonly name = 'BenchProjectionTable1763990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No unique key on event_id on purpose: a second application of an event shows as a second row.
    await queryRunner.query(`
      CREATE TABLE bench_projection (
        row_id bigserial PRIMARY KEY,
        event_id uuid NOT NULL,
        referral_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        stored_at timestamptz NOT NULL,
        projected_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE bench_projection');
  }
}

/** The producing service's tables: the outbox (and the rest of the messaging tables). */
export const BENCH_PRODUCER_MIGRATIONS = [MessagingTables1763900000000];

/** The consuming service's tables: inbox, dead letters and the projection. */
export const BENCH_CONSUMER_MIGRATIONS = [
  MessagingTables1763900000000,
  BenchProjectionTable1763990000000,
];

@Controller()
class BenchProjectionHandler {
  @EventPattern(CLIENT_REFERRED_V1.subject)
  async onClientReferred(
    @Payload() envelope: EventEnvelope<ClientReferredPayload>,
    @Ctx() context: JetStreamEventContext,
  ): Promise<void> {
    await context.getEntityManager().query(
      `INSERT INTO bench_projection (event_id, referral_id, occurred_at, stored_at, projected_at)
         VALUES ($1, $2, $3, $4, clock_timestamp())`,
      [envelope.id, envelope.data.referralId, envelope.occurredAt, context.getDelivery().storedAt],
    );
  }
}

/** The consuming service: projects ClientReferred events into bench_projection, one by one. */
@Module({ controllers: [BenchProjectionHandler] })
export class BenchProjectionModule {}

@Controller()
class BenchBatchProjectionHandler {
  @EventBatchPattern(CLIENT_REFERRED_V1.subject)
  async onClientReferred(
    @Payload() events: readonly ReceivedEvent[],
    @Ctx() context: JetStreamEventBatchContext,
  ): Promise<void> {
    // The same rows as BenchProjectionHandler's, with one statement for the whole batch.
    await context.getEntityManager().query(
      `INSERT INTO bench_projection (event_id, referral_id, occurred_at, stored_at, projected_at)
         SELECT event_id, referral_id, occurred_at, stored_at, clock_timestamp()
           FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[])
             AS e (event_id, referral_id, occurred_at, stored_at)`,
      [
        events.map(({ envelope }) => envelope.id),
        events.map(({ envelope }) => (envelope.data as ClientReferredPayload).referralId),
        events.map(({ envelope }) => envelope.occurredAt),
        events.map(({ delivery }) => delivery.storedAt),
      ],
    );
  }
}

/** The consuming service, projecting each consumer batch with one INSERT. */
@Module({ controllers: [BenchBatchProjectionHandler] })
export class BenchBatchProjectionModule {}

/** The producing service: no handlers; its writers and relay are what it runs. */
@Module({})
export class BenchProducerModule {}

/** A valid ClientReferred event, as client-intake would write one. */
export function benchEvent(): NewEvent<ClientReferredPayload> {
  const referrer = randomUUID();
  return {
    pathId: randomUUID(),
    clientRef: `client-${randomUUID().slice(0, 8)}`,
    emitter: {
      orgId: referrer,
      orgRole: 'EMPLOYMENT_AUTHORITY',
      actorId: randomUUID(),
      actorRole: 'CASEWORKER',
    },
    legalBasis: 'Act on Public Employment and Business Services 380/2023',
    data: {
      referralId: randomUUID(),
      fromOrgId: referrer,
      toOrgId: randomUUID(),
      requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
      reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
      fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
      desiredStart: '2026-12-01',
    } as ClientReferredPayload,
  };
}
