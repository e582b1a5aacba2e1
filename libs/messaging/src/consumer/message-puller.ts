import { Logger } from '@nestjs/common';
import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { describeError } from '../loggable-error';
import { type Outcome } from './batch-outcome';
import type { BatchTransaction } from './batch-transaction';
import { checkMessage, type ReceivedMessage } from './received-message';
import { redeliveryDelayMs } from './retry-policy';

/** What one durable consumer's pull loop reads from and hands its batches to. */
export interface MessagePullerOptions {
  /** The durable consumer's name, for logs. */
  readonly durable: string;
  /** The subscription's subject, without namespace: messages are validated against it. */
  readonly subject: string;
  readonly messages: ConsumerMessages;
  readonly transaction: BatchTransaction;
  /** Most messages handled in one transaction when they queue up. */
  readonly batchSize: number;
  /** Redelivery delays after a failed attempt (see redeliveryDelayMs). */
  readonly retry: { readonly baseMs: number; readonly maxMs: number };
}

/**
 * Pulls one durable consumer's messages and settles them: whatever queued up while the last
 * batch ran goes into the next batch transaction, and each message is acked, nakked with a
 * backoff, or terminated only after that transaction's commit.
 */
export class MessagePuller {
  private readonly logger = new Logger('JetStreamConsumerHost');
  private running = true;

  constructor(private readonly options: MessagePullerOptions) {}

  /** Takes no more messages; `run()` then settles once what it took is settled. */
  async stop(): Promise<void> {
    this.running = false;
    await this.options.messages.close().catch(() => undefined);
  }

  /** The pull loop: runs until stop() and the messages already taken are handled. */
  async run(): Promise<void> {
    const queue: ReceivedMessage[] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    void (async () => {
      try {
        for await (const msg of this.options.messages) {
          // Parsed and validated on arrival: this runs while the batch before it waits for the
          // database, so validation is off the batch's critical path (docs/performance.md).
          queue.push({ msg, check: checkMessage(this.options.subject, msg) });
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
      await this.processBatch(queue.splice(0, this.options.batchSize));
    }
  }

  private async processBatch(received: readonly ReceivedMessage[]): Promise<void> {
    const batch = received.map((entry) => entry.msg);
    let outcomes: Outcome[];
    try {
      outcomes = await this.options.transaction.run(received);
    } catch (error) {
      // The commit failed (database down?): nothing of the batch happened; all come back.
      this.logger.warn(
        `${this.options.durable}: a batch of ${batch.length} could not be committed: ${describeError(error)}`,
      );
      for (const msg of batch) {
        this.retryLater(msg);
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
          this.retryLater(msg);
          break;
      }
    });
  }

  private retryLater(msg: JsMsg): void {
    msg.nak(redeliveryDelayMs(msg.info.deliveryCount, this.options.retry));
  }
}
