import { Logger } from '@nestjs/common';
import { jetstream, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Link } from '@opentelemetry/api';
import { validateEvent, type EventEnvelope } from '@polku/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { durableName, provisionDurableConsumer } from '../jetstream/stream-topology';
import { namespacedSubject } from '../namespace';
import type { NatsLink } from '../nats-link';
import { runPrepared, type PreparedStatement } from '../prepared-statement';
import { contextFromNatsHeaders } from '../tracing/trace-headers';
import { writeDeadLetter } from './dead-letter';
import type {
  BatchEventSubscription,
  EventDelivery,
  EventSubscription,
  ReceivedEvent,
} from './event-handler';
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

/** A message after parsing and contract validation, before any database work. */
type Checked =
  | { kind: 'valid'; envelope: EventEnvelope }
  | { kind: 'invalid'; error: string; messageId: string | null };

/** A message waiting for its batch, already checked (see pump). */
interface Received {
  readonly msg: JsMsg;
  readonly check: Checked;
}

/**
 * How a batch transaction guards its handlers. `optimistic`: no savepoints; the first handler
 * that throws aborts the whole transaction and the batch runs again `guarded`, with a savepoint
 * per message so one failure keeps the others' effects. Handler failures are rare, so most
 * batches pay one statement per event for the guarantee instead of three.
 */
type BatchMode = 'optimistic' | 'guarded';

/** Per batch transaction: its mode, and whether a savepoint is open that the next releases. */
interface BatchState {
  readonly mode: BatchMode;
  savepointOpen: boolean;
}

/** Thrown out of an optimistic batch transaction to roll it back; never leaves this file. */
class OptimisticBatchAborted extends Error {
  constructor(where: string) {
    super(`a handler failed on ${where}; the batch runs again with savepoints`);
  }
}

const tracer = trace.getTracer('polku.messaging');
const SAVEPOINT = 'polku_event';

/** Prepared once per connection: it runs for every batch. */
const CLAIM_INBOX: PreparedStatement = {
  name: 'polku_inbox_claim',
  text: `INSERT INTO inbox_message (consumer, message_id, subject)
         SELECT $1, message_id, $3 FROM unnest($2::text[]) AS message_id
         ON CONFLICT DO NOTHING RETURNING message_id`,
};

/** Read when a handler asks: most never do, and each field parses the message's metadata. */
function deliveryOf(msg: JsMsg): EventDelivery {
  return {
    get streamSequence() {
      return msg.seq;
    },
    get deliveryCount() {
      return msg.info.deliveryCount;
    },
    get storedAt() {
      return new Date(Number(msg.timestampNanos / 1_000_000n));
    },
  };
}

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
 *
 * Round trips are what a batch costs (docs/performance.md): the inbox rows of the whole batch
 * are inserted by one statement, and a batch first runs without savepoints (see BatchMode).
 * Only when a handler throws is it rolled back and run again with a savepoint per message; the
 * failed handler's inbox row is then deleted with its effects, in the same transaction, so it
 * is redelivered exactly as before. Acks are sent only after the commit, in every mode.
 *
 * A batch subscription (@EventBatchPattern) gets the batch's fresh events in one call in the
 * optimistic run, so a projection costs one statement per batch; the guarded run calls it with
 * one event at a time, so failures, retries and dead letters stay per event.
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
    const queue: Received[] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    void (async () => {
      try {
        for await (const msg of messages) {
          // Parsed and validated on arrival: this runs while the batch before it waits for the
          // database, so validation is off the batch's critical path (docs/performance.md).
          queue.push({ msg, check: this.check(subscription, msg) });
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
    received: Received[],
  ): Promise<void> {
    const batch = received.map((entry) => entry.msg);
    let outcomes: Outcome[];
    try {
      try {
        outcomes = await this.runBatch(
          durable,
          subscription,
          batch,
          received.map((entry) => entry.check),
          'optimistic',
        );
      } catch (error) {
        if (!(error instanceof OptimisticBatchAborted)) {
          throw error;
        }
        // Checked again: the aborted run's handlers may have changed the envelopes they got.
        outcomes = await this.runBatch(
          durable,
          subscription,
          batch,
          batch.map((msg) => this.check(subscription, msg)),
          'guarded',
        );
      }
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

  /** One transaction over the batch: inbox rows, dead letters and every handler's effects. */
  private runBatch(
    durable: string,
    subscription: EventSubscription,
    batch: readonly JsMsg[],
    checked: readonly Checked[],
    mode: BatchMode,
  ): Promise<Outcome[]> {
    return this.options.dataSource.transaction(async (em) => {
      const fresh = await this.claimInbox(durable, subscription, checked, em);
      const state: BatchState = { mode, savepointOpen: false };
      // A batch handler takes the whole batch in one call, unless it runs guarded.
      const together = 'handleBatch' in subscription && mode === 'optimistic';
      const results: Outcome[] = [];
      const handledTogether: { msg: JsMsg; envelope: EventEnvelope }[] = [];
      for (const [index, msg] of batch.entries()) {
        const check = checked[index];
        if (check.kind === 'invalid') {
          await this.deadLetter(durable, subscription, msg, em, check.error, check.messageId);
          results.push({ kind: 'dead', error: check.error });
          continue;
        }
        // A second copy of an event in the same batch is a duplicate of the first.
        const isFresh = fresh.delete(check.envelope.id);
        if (together && isFresh) {
          handledTogether.push({ msg, envelope: check.envelope });
          results.push({ kind: 'done' });
          continue;
        }
        results.push(
          await this.processOne(durable, subscription, msg, check.envelope, isFresh, em, state),
        );
      }
      if (handledTogether.length > 0 && 'handleBatch' in subscription) {
        await this.processTogether(durable, subscription, handledTogether, em);
      }
      return results;
    });
  }

  /** Parses and validates; no database work, so the batch's inbox rows can go in together. */
  private check(subscription: EventSubscription, msg: JsMsg): Checked {
    const messageId = msg.headers?.get('Nats-Msg-Id') || null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(msg.string());
    } catch {
      return { kind: 'invalid', error: 'payload is not JSON', messageId };
    }
    const validation = validateEvent(subscription.subject, parsed);
    if (!validation.ok) {
      return {
        kind: 'invalid',
        error: `payload breaks its contract: ${validation.errors.join('; ')}`,
        messageId,
      };
    }
    return { kind: 'valid', envelope: validation.envelope };
  }

  /**
   * Inserts the inbox rows of every valid message of the batch in one statement, in a fixed
   * order (so two replicas that got the same redeliveries lock them in the same order), and
   * returns the event ids that were new: the others were applied before, by an earlier commit.
   */
  private async claimInbox(
    durable: string,
    subscription: EventSubscription,
    checked: readonly Checked[],
    em: EntityManager,
  ): Promise<Set<string>> {
    const ids = [
      ...new Set(checked.flatMap((check) => (check.kind === 'valid' ? [check.envelope.id] : []))),
    ].sort();
    if (ids.length === 0) {
      return new Set();
    }
    const inserted = await runPrepared<{ message_id: string }>(em, CLAIM_INBOX, [
      durable,
      ids,
      subscription.subject,
    ]);
    return new Set(inserted.map((row) => row.message_id));
  }

  private deadLetter(
    durable: string,
    subscription: EventSubscription,
    msg: JsMsg,
    em: EntityManager,
    error: string,
    messageId: string | null,
  ): Promise<void> {
    return writeDeadLetter(em, {
      consumer: durable,
      messageId,
      subject: subscription.subject,
      streamSequence: msg.seq,
      payload: msg.string(),
      headers: msg.headers,
      error,
      attempts: msg.info.deliveryCount,
    });
  }

  private async processOne(
    durable: string,
    subscription: EventSubscription,
    msg: JsMsg,
    envelope: EventEnvelope,
    isFresh: boolean,
    em: EntityManager,
    state: BatchState,
  ): Promise<Outcome> {
    // Read before the handler runs: a handler that changed the envelope must not change which
    // inbox row a failure removes.
    const eventId = envelope.id;
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
          'messaging.message.id': eventId,
          'messaging.consumer.group.name': durable,
        },
      },
      producerContext,
      async (span): Promise<Outcome> => {
        try {
          if (!isFresh) {
            span.setAttribute('polku.duplicate', true);
            return { kind: 'duplicate' };
          }
          span.setAttribute('polku.batch.mode', state.mode);
          if (state.mode === 'optimistic') {
            try {
              await this.handleOne(subscription, msg, envelope, em);
            } catch (error) {
              span.setStatus({ code: SpanStatusCode.ERROR, message: describe(error) });
              throw new OptimisticBatchAborted(`event ${eventId}`);
            }
            return { kind: 'done' };
          }
          // One round trip: the previous message's savepoint is released (its work is kept)
          // and this message's is set. COMMIT releases the last one.
          await em.query(
            state.savepointOpen
              ? `RELEASE SAVEPOINT ${SAVEPOINT}; SAVEPOINT ${SAVEPOINT}`
              : `SAVEPOINT ${SAVEPOINT}`,
          );
          state.savepointOpen = true;
          try {
            await this.handleOne(subscription, msg, envelope, em);
            return { kind: 'done' };
          } catch (error) {
            await em.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
            // The inbox row was written before the savepoint, with the batch's: it goes too, so
            // the event is applied on a later delivery (or redrive) exactly once.
            await em.query('DELETE FROM inbox_message WHERE consumer = $1 AND message_id = $2', [
              durable,
              eventId,
            ]);
            const reason = describe(error);
            span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
            if (msg.info.deliveryCount >= this.options.maxAttempts) {
              await this.deadLetter(durable, subscription, msg, em, reason, eventId);
              this.logger.error(
                `${durable}: event ${eventId} dead-lettered after ${msg.info.deliveryCount} attempts: ${reason}`,
              );
              return { kind: 'dead', error: reason };
            }
            return { kind: 'retry', error: reason };
          }
        } finally {
          span.end();
        }
      },
    );
  }

  /** Runs the subscription's handler on one event; a batch handler gets a batch of one. */
  private handleOne(
    subscription: EventSubscription,
    msg: JsMsg,
    envelope: EventEnvelope,
    em: EntityManager,
  ): Promise<void> {
    if ('handleBatch' in subscription) {
      return subscription.handleBatch([{ envelope, delivery: deliveryOf(msg) }], em);
    }
    return subscription.handle(envelope, em, deliveryOf(msg));
  }

  /**
   * Hands the batch's fresh events to a batch handler in one call, under one consumer span.
   * Following the OpenTelemetry messaging conventions for batches, the span links every
   * event's producer span; a batch of one is also the producer's child, so at low load a
   * hand-off still reads as one trace.
   */
  private processTogether(
    durable: string,
    subscription: BatchEventSubscription,
    entries: readonly { msg: JsMsg; envelope: EventEnvelope }[],
    em: EntityManager,
  ): Promise<void> {
    const links: Link[] = [];
    for (const { msg } of entries) {
      const producerSpan = trace.getSpanContext(contextFromNatsHeaders(msg.headers));
      if (producerSpan) {
        links.push({ context: producerSpan });
      }
    }
    const parent =
      entries.length === 1 ? contextFromNatsHeaders(entries[0].msg.headers) : ROOT_CONTEXT;
    const events: ReceivedEvent[] = entries.map(({ msg, envelope }) => ({
      envelope,
      delivery: deliveryOf(msg),
    }));
    return tracer.startActiveSpan(
      `${subscription.subject} process`,
      {
        kind: SpanKind.CONSUMER,
        links,
        attributes: {
          'messaging.system': 'nats',
          'messaging.destination.name': subscription.subject,
          'messaging.batch.message_count': entries.length,
          'messaging.consumer.group.name': durable,
          'polku.batch.mode': 'optimistic',
        },
      },
      parent,
      async (span): Promise<void> => {
        try {
          await subscription.handleBatch(events, em);
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: describe(error) });
          throw new OptimisticBatchAborted(`a batch of ${entries.length} events`);
        } finally {
          span.end();
        }
      },
    );
  }
}
