import type { JsMsg } from '@nats-io/jetstream';
import { Savepoint } from '@polku/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { runPrepared, type PreparedStatement } from '../prepared-statement';
import { OptimisticBatchAborted, type BatchMode, type Outcome } from './batch-outcome';
import { deadLetterMessage } from './dead-letter';
import type { EventSubscription } from './event-handler';
import { runEvent, runTogether, type EventRunScope, type EventTogether } from './event-run';
import { checkMessage, type CheckedMessage, type ReceivedMessage } from './received-message';

/** Where a consumer's batches run. */
export interface BatchTransactionOptions {
  readonly dataSource: DataSource;
  /** The durable consumer's name: the inbox and dead-letter rows are keyed by it. */
  readonly durable: string;
  readonly subscription: EventSubscription;
  /** Attempts before a failing event becomes a dead-letter row. */
  readonly maxAttempts: number;
}

/** One run of a batch in one transaction. */
interface BatchRun {
  readonly msgs: readonly JsMsg[];
  readonly checked: readonly CheckedMessage[];
  readonly mode: BatchMode;
}

/** Prepared once per connection: it runs for every batch. */
const CLAIM_INBOX: PreparedStatement = {
  name: 'polku_inbox_claim',
  text: `INSERT INTO inbox_message (consumer, message_id, subject)
         SELECT $1, message_id, $3 FROM unnest($2::text[]) AS message_id
         ON CONFLICT DO NOTHING RETURNING message_id`,
};

const SAVEPOINT_NAME = 'polku_event';

/**
 * Runs a batch of one consumer in one transaction: the inbox rows of every valid message (one
 * statement), dead letters for invalid ones, and every handler's effects. First without
 * savepoints (see BatchMode); when a handler throws, that transaction is rolled back and the
 * batch runs again guarded, with a savepoint per message, so one failure keeps the others'
 * effects and the failed event's inbox row goes with its own.
 */
export class BatchTransaction {
  constructor(private readonly options: BatchTransactionOptions) {}

  /** Runs the batch; throws only when its transaction could not commit (nothing happened). */
  async run(received: readonly ReceivedMessage[]): Promise<Outcome[]> {
    const msgs = received.map((entry) => entry.msg);
    try {
      return await this.runOnce({
        msgs,
        checked: received.map((entry) => entry.check),
        mode: 'optimistic',
      });
    } catch (error) {
      if (!(error instanceof OptimisticBatchAborted)) {
        throw error;
      }
      // Checked again: the aborted run's handlers may have changed the envelopes they got.
      const subject = this.options.subscription.subject;
      return this.runOnce({
        msgs,
        checked: msgs.map((msg) => checkMessage(subject, msg)),
        mode: 'guarded',
      });
    }
  }

  private runOnce(run: BatchRun): Promise<Outcome[]> {
    const { durable, subscription, maxAttempts } = this.options;
    return this.options.dataSource.transaction(async (em) => {
      const fresh = await this.claimInbox(em, run.checked);
      const scope: EventRunScope = {
        em,
        durable,
        subscription,
        maxAttempts,
        savepoint: run.mode === 'guarded' ? new Savepoint(em, SAVEPOINT_NAME) : undefined,
      };
      // A batch handler takes the whole batch in one call, unless it runs guarded.
      const together = 'handleBatch' in subscription && run.mode === 'optimistic';
      const results: Outcome[] = [];
      const handledTogether: EventTogether[] = [];
      for (const [index, msg] of run.msgs.entries()) {
        const check = run.checked[index];
        if (check.kind === 'invalid') {
          const dead = { durable, subject: subscription.subject, msg };
          await deadLetterMessage(em, { ...dead, error: check.error, messageId: check.messageId });
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
        results.push(await runEvent(scope, { msg, envelope: check.envelope, isFresh }));
      }
      if (handledTogether.length > 0 && 'handleBatch' in subscription) {
        await runTogether({ ...scope, subscription }, handledTogether);
      }
      return results;
    });
  }

  /**
   * Inserts the inbox rows of every valid message of the batch in one statement, in a fixed
   * order (so two replicas that got the same redeliveries lock them in the same order), and
   * returns the event ids that were new: the others were applied before, by an earlier commit.
   */
  private async claimInbox(
    em: EntityManager,
    checked: readonly CheckedMessage[],
  ): Promise<Set<string>> {
    const ids = [
      ...new Set(checked.flatMap((check) => (check.kind === 'valid' ? [check.envelope.id] : []))),
    ].sort();
    if (ids.length === 0) {
      return new Set();
    }
    const inserted = await runPrepared<{ message_id: string }>(em, {
      statement: CLAIM_INBOX,
      values: [this.options.durable, ids, this.options.subscription.subject],
    });
    return new Set(inserted.map((row) => row.message_id));
  }
}
