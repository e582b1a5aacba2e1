import { Module } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { CLIENT_REFERRED_V1, type ClientReferredPayload } from '@polku/contracts';
import { namespacedSubject, type NewEvent } from '@polku/messaging';
import { loadConfig, ServiceConfig } from '@polku/config';
import { initTracing } from '@polku/observability';
import { createServiceApp } from '@polku/service-runtime';
import { waitFor } from '@polku/testing';
import {
  backboneTestEnv,
  clientReferred,
  commitEvents,
  eventsInStream,
  projectionRows,
  ProducerOnlyModule,
  startReplica,
  waitForRows,
  type BackboneReplica,
  testToolsLinkFor,
} from './backbone-harness';
import {
  batchHandlerLog,
  CORRUPTED_REFERRAL_ID,
  ReferralBatchProjectionModule,
} from './referral-batch-projection.fixture';
import { FIXTURE_MIGRATIONS, ReferralProjectionModule } from './referral-projection.fixture';

// A per-event and a batch handler for the same subject in one service: refused at start.
@Module({ imports: [ReferralProjectionModule, ReferralBatchProjectionModule] })
class MixedHandlersModule {}

/**
 * Writes the events and waits until the stream holds them, with no consumer running: when the
 * batch handler's service starts, they have all queued up for it, as under load.
 */
async function publishBeforeTheConsumerStarts(
  env: Record<string, string>,
  events: NewEvent<ClientReferredPayload>[],
  republish?: (producer: BackboneReplica, eventIds: string[]) => Promise<void>,
): Promise<string[]> {
  const producer = await startReplica(env, ProducerOnlyModule);
  try {
    const eventIds = await commitEvents(producer, events);
    await waitFor(async () => (await eventsInStream(env)) === events.length, {
      description: `${events.length} events in the stream`,
    });
    await republish?.(producer, eventIds);
    return eventIds;
  } finally {
    await producer.close();
  }
}

const deadLetters = (replica: BackboneReplica) =>
  replica.dataSource.query<{ message_id: string; attempts: number; error: string }[]>(
    'SELECT message_id, attempts, error FROM dead_letter',
  );

/** Every event is projected exactly once, and nothing was dead-lettered. */
async function expectEachAppliedOnce(consumer: BackboneReplica, eventIds: string[]): Promise<void> {
  await waitForRows(consumer, eventIds.length);
  // A deliberate window, not a wait for a condition: longer than a redelivery takes, so a
  // second application would show.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const rows = await projectionRows(consumer.dataSource);
  expect(rows.map((row) => row.event_id).sort()).toEqual([...eventIds].sort());
  expect(await deadLetters(consumer)).toEqual([]);
}

describe('event backbone batch handlers', () => {
  const exporter = new InMemorySpanExporter();
  initTracing({
    serviceName: 'batch-handler-test',
    serviceVersion: 'test',
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });

  beforeEach(() => {
    batchHandlerLog.reset();
    exporter.reset();
  });

  it('should hand queued events to a batch handler together, in stream order, each once, duplicates left out', async () => {
    const env = backboneTestEnv();
    const events = Array.from({ length: 60 }, () => clientReferred());
    const eventIds = await publishBeforeTheConsumerStarts(env, events, async (producer, ids) => {
      // Ten events stored a second time, as after the duplicate window: the inbox must catch them.
      const rows = await producer.dataSource.query<{ id: string; payload: string }[]>(
        'SELECT id, payload::text AS payload FROM outbox_message WHERE id = ANY($1)',
        [ids.slice(0, 10)],
      );
      const link = testToolsLinkFor(env, 'polku-test-republisher');
      try {
        const js = jetstream(await link.connect());
        const subject = namespacedSubject(env.NATS_NAMESPACE, CLIENT_REFERRED_V1.subject);
        for (const row of rows) {
          await js.publish(subject, row.payload, { msgID: `${row.id}-after-window` });
        }
      } finally {
        await link.close();
      }
    });
    expect(await eventsInStream(env)).toBe(70);

    const consumer = await startReplica(env, ReferralBatchProjectionModule);
    try {
      await expectEachAppliedOnce(consumer, eventIds);
    } finally {
      await consumer.close();
    }

    const calls = batchHandlerLog.calls;
    expect(calls.flatMap((call) => call.referralIds).sort()).toEqual(
      events.map((event) => event.data.referralId).sort(),
    );
    expect(calls.length).toBeLessThan(60);
    expect(Math.max(...calls.map((call) => call.referralIds.length))).toBeGreaterThan(1);
    const sequences = calls.flatMap((call) => call.sequences);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));

    // One consumer span per call, linking the publish span of every event it handled; each
    // duplicate gets its own span, marked as such.
    const spans = exporter.getFinishedSpans();
    const publishSpans = spans.filter(
      (span) => span.name === `${CLIENT_REFERRED_V1.subject} publish`,
    );
    const processSpans = spans.filter(
      (span) => span.name === `${CLIENT_REFERRED_V1.subject} process`,
    );
    const batchSpans = processSpans.filter(
      (span) => span.attributes['messaging.batch.message_count'] !== undefined,
    );
    expect(batchSpans.map((span) => span.attributes['messaging.batch.message_count'])).toEqual(
      calls.map((call) => call.referralIds.length),
    );
    expect(processSpans.filter((span) => span.attributes['polku.duplicate'] === true)).toHaveLength(
      10,
    );
    const linked = new Set(
      batchSpans.flatMap((span) => span.links.map((link) => link.context.spanId)),
    );
    expect(publishSpans).toHaveLength(60);
    for (const publish of publishSpans) {
      expect(linked.has(publish.spanContext().spanId)).toBe(true);
    }
  });

  it('should roll back a batch whose handler fails and apply every event of it once, one at a time', async () => {
    const env = backboneTestEnv();
    const events = Array.from({ length: 30 }, () => clientReferred());
    const failing = events[17].data.referralId;
    batchHandlerLog.throwTimes.set(failing, 1);
    const eventIds = await publishBeforeTheConsumerStarts(env, events);

    const consumer = await startReplica(env, ReferralBatchProjectionModule);
    try {
      await expectEachAppliedOnce(consumer, eventIds);
    } finally {
      await consumer.close();
    }

    // The call that failed, then the same events again, each alone (the guarded pass).
    const calls = batchHandlerLog.calls;
    const failedAt = calls.findIndex((call) => call.referralIds.includes(failing));
    const failedBatch = calls[failedAt].referralIds;
    expect(failedBatch.length).toBeGreaterThan(1);
    expect(calls.slice(failedAt + 1, failedAt + 1 + failedBatch.length)).toEqual(
      failedBatch.map((referralId) => expect.objectContaining({ referralIds: [referralId] })),
    );
    expect(calls.filter((call) => call.referralIds.includes(failing))).toHaveLength(2);
  });

  it('should give the one-at-a-time run the events as they arrived, not as a failed call left them', async () => {
    const env = backboneTestEnv();
    const events = Array.from({ length: 10 }, () => clientReferred());
    batchHandlerLog.corruptThenThrow.add(events[3].data.referralId);
    await publishBeforeTheConsumerStarts(env, events);

    const consumer = await startReplica(env, ReferralBatchProjectionModule);
    try {
      await waitForRows(consumer, 10);
      const rows = await projectionRows(consumer.dataSource);
      expect(rows.map((row) => row.referral_id).sort()).toEqual(
        events.map((event) => event.data.referralId).sort(),
      );
      expect(rows.map((row) => row.referral_id)).not.toContain(CORRUPTED_REFERRAL_ID);
    } finally {
      await consumer.close();
    }
  });

  it('should dead-letter an event its batch handler always rejects while its batch and later events are applied', async () => {
    const env = backboneTestEnv();
    const events = Array.from({ length: 20 }, () => clientReferred());
    const poisoned = events[5].data.referralId;
    batchHandlerLog.alwaysThrow.add(poisoned);
    const eventIds = await publishBeforeTheConsumerStarts(env, events);

    const consumer = await startReplica(env, ReferralBatchProjectionModule);
    try {
      const [deadLetter] = await waitFor(
        async () => {
          const rows = await deadLetters(consumer);
          return rows.length === 1 ? rows : undefined;
        },
        { timeoutMs: 30_000, description: 'a dead-letter row' },
      );
      expect(deadLetter.message_id).toBe(eventIds[5]);
      expect(deadLetter.attempts).toBe(5);
      expect(deadLetter.error).toContain(`the projection store rejected referral ${poisoned}`);

      const later = [clientReferred(), clientReferred()];
      await commitEvents(consumer, later);
      const rows = await waitForRows(consumer, 21);
      expect(rows.map((row) => row.referral_id).sort()).toEqual(
        [...events, ...later]
          .map((event) => event.data.referralId)
          .filter((referralId) => referralId !== poisoned)
          .sort(),
      );
    } finally {
      await consumer.close();
    }
  });

  it('should make the span of a batch of one the publish span’s child, so a lone hand-off reads as one trace', async () => {
    const env = backboneTestEnv();
    const replica = await startReplica(env, ReferralBatchProjectionModule);
    try {
      const [eventId] = await commitEvents(replica, [clientReferred()]);
      await waitForRows(replica, 1);
      const spans = exporter.getFinishedSpans();
      const publish = spans.find(
        (span) =>
          span.name === `${CLIENT_REFERRED_V1.subject} publish` &&
          span.attributes['messaging.message.id'] === eventId,
      );
      const processSpan = spans.find(
        (span) =>
          span.name === `${CLIENT_REFERRED_V1.subject} process` &&
          span.attributes['messaging.batch.message_count'] === 1,
      );
      expect(publish).toBeDefined();
      expect(processSpan?.spanContext().traceId).toBe(publish?.spanContext().traceId);
      expect(processSpan?.parentSpanContext?.spanId).toBe(publish?.spanContext().spanId);
      expect(processSpan?.links.map((link) => link.context.spanId)).toEqual([
        publish?.spanContext().spanId,
      ]);
    } finally {
      await replica.close();
    }
  });

  it('should refuse to start a service whose per-event and batch handlers share a subject', async () => {
    const { app } = await createServiceApp({
      service: 'client-intake',
      appModule: MixedHandlersModule,
      entities: [],
      migrations: FIXTURE_MIGRATIONS,
      config: loadConfig(ServiceConfig, backboneTestEnv()),
      logger: false,
    });
    try {
      await expect(app.listen()).rejects.toThrow(
        `${CLIENT_REFERRED_V1.subject} has both @EventPattern and @EventBatchPattern handlers`,
      );
    } finally {
      await app.close();
    }
  });
});
