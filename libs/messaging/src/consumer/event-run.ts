import { Logger } from '@nestjs/common';
import type { JsMsg } from '@nats-io/jetstream';
import type { EventEnvelope } from '@polku/contracts';
import type { Savepoint } from '@polku/persistence';
import type { EntityManager } from 'typeorm';
import { describeError } from '../loggable-error';
import { OptimisticBatchAborted, type Outcome } from './batch-outcome';
import {
  inBatchSpan,
  inEventSpan,
  markBatchMode,
  markDuplicate,
  markFailed,
} from './consumer-tracing';
import { deadLetterMessage } from './dead-letter';
import type { BatchEventSubscription, EventSubscription, ReceivedEvent } from './event-handler';
import { deliveryOf } from './received-message';

// Logged under the host's name: operators look for the consumer host in the logs.
const logger = new Logger('JetStreamConsumerHost');

/** Where events run: the batch transaction's connection and the consumer they arrived on. */
export interface EventRunScope {
  readonly em: EntityManager;
  readonly durable: string;
  readonly subscription: EventSubscription;
  /** Attempts before a failing event becomes a dead-letter row. */
  readonly maxAttempts: number;
  /**
   * Set in a guarded run: each event runs after it, so a failure undoes only that event. Absent
   * in an optimistic run, where a failure aborts the whole batch.
   */
  readonly savepoint?: Savepoint;
}

/** One valid event of the batch. */
export interface EventToRun {
  readonly msg: JsMsg;
  readonly envelope: EventEnvelope;
  /** False when an earlier commit applied it (its inbox row existed): nothing runs. */
  readonly isFresh: boolean;
}

/** A fresh event handed to a batch handler together with the others of its batch. */
export interface EventTogether {
  readonly msg: JsMsg;
  readonly envelope: EventEnvelope;
}

/**
 * Runs the subscription's handler on one event, in the event's consumer span. Optimistic: a
 * failure throws OptimisticBatchAborted. Guarded: a failure rolls back to the savepoint, removes
 * the event's inbox row and answers retry, or dead (with a dead-letter row) after maxAttempts.
 */
export function runEvent(scope: EventRunScope, event: EventToRun): Promise<Outcome> {
  // Read before the handler runs: a handler that changed the envelope must not change which
  // inbox row a failure removes.
  const eventId = event.envelope.id;
  const about = { subject: scope.subscription.subject, durable: scope.durable, eventId };
  return inEventSpan({ ...about, msg: event.msg }, async (span): Promise<Outcome> => {
    if (!event.isFresh) {
      markDuplicate(span);
      return { kind: 'duplicate' };
    }
    const savepoint = scope.savepoint;
    markBatchMode(span, savepoint ? 'guarded' : 'optimistic');
    if (savepoint === undefined) {
      try {
        await handleOne(scope, event);
      } catch (error) {
        markFailed(span, describeError(error));
        throw new OptimisticBatchAborted(`event ${eventId}`);
      }
      return { kind: 'done' };
    }
    // One round trip: the previous event's savepoint is released (its work is kept) and this
    // event's is set. COMMIT releases the last one.
    await savepoint.set();
    try {
      await handleOne(scope, event);
      return { kind: 'done' };
    } catch (error) {
      await savepoint.rollback();
      const reason = describeError(error);
      markFailed(span, reason);
      return failed(scope, { msg: event.msg, eventId, reason });
    }
  });
}

/** After a guarded event's handler failed and its work was rolled back. */
async function failed(
  scope: EventRunScope,
  failure: { msg: JsMsg; eventId: string; reason: string },
): Promise<Outcome> {
  const { msg, eventId, reason } = failure;
  // The inbox row was written before the savepoint, with the batch's: it goes too, so the
  // event is applied on a later delivery (or redrive) exactly once.
  await scope.em.query('DELETE FROM inbox_message WHERE consumer = $1 AND message_id = $2', [
    scope.durable,
    eventId,
  ]);
  if (msg.info.deliveryCount >= scope.maxAttempts) {
    await deadLetterMessage(scope.em, {
      durable: scope.durable,
      subject: scope.subscription.subject,
      msg,
      error: reason,
      messageId: eventId,
    });
    logger.error(
      `${scope.durable}: event ${eventId} dead-lettered after ${msg.info.deliveryCount} attempts: ${reason}`,
    );
    return { kind: 'dead', error: reason };
  }
  return { kind: 'retry', error: reason };
}

/** Runs the subscription's handler on one event; a batch handler gets a batch of one. */
function handleOne(scope: EventRunScope, event: EventToRun): Promise<void> {
  const received: ReceivedEvent = { envelope: event.envelope, delivery: deliveryOf(event.msg) };
  if ('handleBatch' in scope.subscription) {
    return scope.subscription.handleBatch([received], scope.em);
  }
  return scope.subscription.handle(received, scope.em);
}

/**
 * Hands the batch's fresh events to a batch handler in one call, under one consumer span. Only
 * in the optimistic run: a failure throws OptimisticBatchAborted.
 */
export function runTogether(
  scope: EventRunScope & { readonly subscription: BatchEventSubscription },
  entries: readonly EventTogether[],
): Promise<void> {
  const events: ReceivedEvent[] = entries.map(({ msg, envelope }) => ({
    envelope,
    delivery: deliveryOf(msg),
  }));
  const msgs = entries.map((entry) => entry.msg);
  const about = { subject: scope.subscription.subject, durable: scope.durable, msgs };
  return inBatchSpan(about, async (span): Promise<void> => {
    try {
      await scope.subscription.handleBatch(events, scope.em);
    } catch (error) {
      markFailed(span, describeError(error));
      throw new OptimisticBatchAborted(`a batch of ${entries.length} events`);
    }
  });
}
