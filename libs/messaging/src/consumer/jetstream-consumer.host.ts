import { jetstream } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import { durableName } from '../jetstream/stream-topology';
import type { NatsLink } from '../nats-link';
import { processedEventIds } from '../read-your-writes/processed-events';
import { BatchTransaction } from './batch-transaction';
import type { EventSubscription } from './event-handler';
import { MessagePuller } from './message-puller';

/** Settings of a service's consumer host; services take them from configuration. */
export interface JetStreamConsumerHostOptions {
  /** The service's name: durable consumers are named after it and the subject. */
  readonly service: string;
  /** The service's database: inbox, dead letters and handlers' effects. */
  readonly dataSource: DataSource;
  readonly link: NatsLink;
  /** See NATS_NAMESPACE. */
  readonly namespace: string;
  /** The events stream (streamNames(namespace).events). */
  readonly stream: string;
  /** Attempts before a message becomes a dead-letter row. */
  readonly maxAttempts: number;
  /** Most messages handled in one transaction when they queue up. */
  readonly batchSize: number;
  /** Delay before the first redelivery after a failure, doubling after each. */
  readonly retryBaseMs: number;
  /** Longest delay between redeliveries. */
  readonly retryMaxMs: number;
  /** How long JetStream waits for an ack before it redelivers. */
  readonly ackWaitMs: number;
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
 *
 * The parts: MessagePuller (pull loop, ack/nak/term), BatchTransaction and event-run.ts (inbox
 * claims, savepoints, the optimistic and guarded runs, dead letters), consumer-tracing.ts.
 */
export class JetStreamConsumerHost {
  private readonly pullers: MessagePuller[] = [];
  private readonly loops: Promise<void>[] = [];
  private readonly durables: string[] = [];

  constructor(private readonly options: JetStreamConsumerHostOptions) {}

  /**
   * Binds to the durable consumer of each subscription and starts pulling from it. The
   * consumers are created beforehand by the provisioning identity (docs/security.md): a service
   * may not create or change them, so a missing one is a deployment error, reported as such.
   */
  async start(subscriptions: readonly EventSubscription[]): Promise<void> {
    const nc = await this.options.link.connect();
    const js = jetstream(nc);
    for (const subscription of subscriptions) {
      const durable = durableName(this.options.service, subscription.subject);
      const consumer = await js.consumers.get(this.options.stream, durable).catch((error) => {
        throw new Error(
          `durable consumer ${durable} on stream ${this.options.stream} is missing or not ` +
            `readable by this service (${String(error)}): the provisioning step creates it ` +
            'before the services start (npm start does; see docs/security.md)',
        );
      });
      const messages = await consumer.consume({ max_messages: this.options.batchSize * 2 });
      const puller = new MessagePuller({
        durable,
        subject: subscription.subject,
        messages,
        transaction: new BatchTransaction({
          dataSource: this.options.dataSource,
          durable,
          subscription,
          maxAttempts: this.options.maxAttempts,
        }),
        batchSize: this.options.batchSize,
        retry: { baseMs: this.options.retryBaseMs, maxMs: this.options.retryMaxMs },
      });
      this.pullers.push(puller);
      this.loops.push(puller.run());
      this.durables.push(durable);
    }
  }

  /**
   * Which of `ids` this service's consumers have processed, as an inbox or a dead-letter row:
   * a request waits on it for its caller's own writes (docs/adr/0015-read-your-own-writes.md).
   * Before start() nothing counts as processed.
   */
  processedAmong(ids: readonly string[]): Promise<Set<string>> {
    return processedEventIds(this.options.dataSource, { consumers: this.durables, ids });
  }

  /** Takes no more messages and waits for the batches in progress to commit or roll back. */
  async stop(): Promise<void> {
    await Promise.all(this.pullers.map((puller) => puller.stop()));
    await Promise.allSettled(this.loops);
  }
}
