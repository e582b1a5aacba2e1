import { Logger } from '@nestjs/common';
import { jetstream, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { validateEvent, type EventEnvelope } from '@polku/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { durableName, provisionDurableConsumer } from '../jetstream/stream-topology';
import { namespacedSubject } from '../namespace';
import type { NatsLink } from '../nats-link';
import { contextFromNatsHeaders } from '../tracing/trace-headers';
import { writeDeadLetter } from './dead-letter';
import type { EventSubscription } from './event-handler';
import { redeliveryDelayMs } from './retry-policy';

export interface JetStreamConsumerHostOptions {
  readonly service: string;
  readonly dataSource: DataSource;
  readonly link: NatsLink;
  readonly namespace: string;
  readonly stream: string;
  /** Attempts before a message becomes a dead-letter row. */
  readonly maxAttempts: number;
  /** Most messages handled in one transaction when they queue up. */
  readonly batchSize: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly ackWaitMs: number;
}

type Outcome =
  | { kind: 'done' }
  | { kind: 'duplicate' }
  | { kind: 'retry'; error: string }
  | { kind: 'dead'; error: string };

const tracer = trace.getTracer('polku.messaging');
const SAVEPOINT = 'polku_event';

function describe(error: unknown): string {
  if (error instanceof Error) {
    return `${error.name}: ${error.message}`;
  }
  return typeof error === 'object' ? JSON.stringify(error) : String(error);
}

/**
 * Runs a service's event handlers on durable pull consumers with explicit acks. Per message:
 * validate against its contract, insert the inbox row, run the handler, all in one transaction
 * (one per batch, a savepoint per message), ack only after commit. A handler that fails is
 * retried with backoff; after maxAttempts it becomes a dead-letter row and the consumer moves on.
 * A payload that breaks its contract becomes a dead-letter row at once.
 */
export class JetStreamConsumerHost {
  private readonly logger = new Logger(JetStreamConsumerHost.name);
  private readonly iterators: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];
  private running = false;

  constructor(private readonly options: JetStreamConsumerHostOptions) {}

  async start(subscriptions: readonly EventSubscription[]): Promise<void> {
    this.running = true;
    const nc = await this.options.link.connect();
    const js = jetstream(nc);
    for (const subscription of subscriptions) {
      const durable = durableName(this.options.service, subscription.subject);
      await provisionDurableConsumer(nc, {
        stream: this.options.stream,
        durable,
        filterSubject: namespacedSubject(this.options.namespace, subscription.subject),
        // The server's own limit is a safety net above ours; our limit writes the dead letter.
        maxDeliver: this.options.maxAttempts + 3,
        ackWaitMs: this.options.ackWaitMs,
        maxAckPending: this.options.batchSize * 10,
      });
      const consumer = await js.consumers.get(this.options.stream, durable);
      const messages = await consumer.consume({ max_messages: this.options.batchSize * 2 });
      this.iterators.push(messages);
      this.loops.push(this.pump(durable, subscription, messages));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const messages of this.iterators) {
      await messages.close().catch(() => undefined);
    }
    await Promise.allSettled(this.loops);
  }

  private async pump(
    durable: string,
    subscription: EventSubscription,
    messages: ConsumerMessages,
  ): Promise<void> {
    const queue: JsMsg[] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    void (async () => {
      try {
        for await (const msg of messages) {
          queue.push(msg);
          wake?.();
        }
      } finally {
        ended = true;
        wake?.();
      }
    })();
    while (this.running || queue.length > 0) {
      if (queue.length === 0) {
        if (ended) {
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      // Whatever queued up while the last batch ran goes in one transaction.
      const batch = queue.splice(0, this.options.batchSize);
      await this.processBatch(durable, subscription, batch);
    }
  }

  private async processBatch(
    durable: string,
    subscription: EventSubscription,
    batch: JsMsg[],
  ): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.options.dataSource.transaction(async (em) => {
        const results: Outcome[] = [];
        for (const msg of batch) {
          results.push(await this.processOne(durable, subscription, msg, em));
        }
        return results;
      });
    } catch (error) {
      // The commit failed (database down?): nothing of the batch happened; all come back.
      this.logger.warn(
        `${durable}: a batch of ${batch.length} could not be committed: ${describe(error)}`,
      );
      for (const msg of batch) {
        msg.nak(
          redeliveryDelayMs(msg.info.deliveryCount, {
            baseMs: this.options.retryBaseMs,
            maxMs: this.options.retryMaxMs,
          }),
        );
      }
      return;
    }
    batch.forEach((msg, index) => {
      const outcome = outcomes[index];
      switch (outcome.kind) {
        case 'done':
        case 'duplicate':
          msg.ack();
          break;
        case 'dead':
          // Recorded in dead_letter by the committed transaction; the server may forget it.
          msg.term();
          break;
        case 'retry':
          msg.nak(
            redeliveryDelayMs(msg.info.deliveryCount, {
              baseMs: this.options.retryBaseMs,
              maxMs: this.options.retryMaxMs,
            }),
          );
          break;
      }
    });
  }

  private async processOne(
    durable: string,
    subscription: EventSubscription,
    msg: JsMsg,
    em: EntityManager,
  ): Promise<Outcome> {
    const raw = msg.string();
    const deadLetter = (error: string, messageId: string | null) =>
      writeDeadLetter(em, {
        consumer: durable,
        messageId,
        subject: subscription.subject,
        streamSequence: msg.seq,
        payload: raw,
        headers: msg.headers,
        error,
        attempts: msg.info.deliveryCount,
      });

    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      await deadLetter('payload is not JSON', msg.headers?.get('Nats-Msg-Id') || null);
      return { kind: 'dead', error: 'payload is not JSON' };
    }
    const validation = validateEvent(subscription.subject, parsed);
    if (!validation.ok) {
      const error = `payload breaks its contract: ${validation.errors.join('; ')}`;
      await deadLetter(error, msg.headers?.get('Nats-Msg-Id') || null);
      return { kind: 'dead', error };
    }
    const envelope: EventEnvelope = validation.envelope;
    // The consumer span is a child of the producer's (one trace per hand-off chain) and links it.
    const producerContext = contextFromNatsHeaders(msg.headers);
    const producerSpan = trace.getSpanContext(producerContext);

    return tracer.startActiveSpan(
      `${subscription.subject} process`,
      {
        kind: SpanKind.CONSUMER,
        links: producerSpan ? [{ context: producerSpan }] : [],
        attributes: {
          'messaging.system': 'nats',
          'messaging.destination.name': subscription.subject,
          'messaging.message.id': envelope.id,
          'messaging.consumer.group.name': durable,
        },
      },
      producerContext,
      async (span): Promise<Outcome> => {
        await em.query(`SAVEPOINT ${SAVEPOINT}`);
        try {
          const inserted = await em.query<unknown[]>(
            `INSERT INTO inbox_message (consumer, message_id, subject) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING 1`,
            [durable, envelope.id, subscription.subject],
          );
          if (inserted.length === 0) {
            await em.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
            span.setAttribute('polku.duplicate', true);
            return { kind: 'duplicate' };
          }
          await subscription.handle(envelope, em);
          await em.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
          return { kind: 'done' };
        } catch (error) {
          await em.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
          const reason = describe(error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
          if (msg.info.deliveryCount >= this.options.maxAttempts) {
            await deadLetter(reason, envelope.id);
            this.logger.error(
              `${durable}: event ${envelope.id} dead-lettered after ${msg.info.deliveryCount} attempts: ${reason}`,
            );
            return { kind: 'dead', error: reason };
          }
          return { kind: 'retry', error: reason };
        } finally {
          span.end();
        }
      },
    );
  }
}
