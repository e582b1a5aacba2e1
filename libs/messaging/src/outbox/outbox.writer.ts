import { Injectable } from '@nestjs/common';
import {
  eventContractFor,
  validateEvent,
  type EventEnvelope,
  type EventPayloads,
  type EventSubject,
} from '@polku/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { EntityManager } from 'typeorm';
import { currentTraceHeaders } from '../tracing/trace-headers';
import { noteAppendedEvent } from '../read-your-writes/written-events';
import { bufferOutboxRow, ensureOutboxFlushing } from './outbox-buffer';

/** What a producer says about a new event; the writer adds id, type, version and data class. */
export interface NewEvent<TData> {
  readonly pathId: string;
  readonly clientRef: string;
  readonly emitter: EventEnvelope['emitter'];
  /** The hand-off or path the event belongs to; defaults to the event's own id. */
  readonly correlationId?: string;
  /** The event or command that caused this one. */
  readonly causationId?: string | null;
  readonly consentRef?: string;
  readonly legalBasis?: string;
  readonly occurredAt?: Date;
  readonly data: TData;
}

/** A producer tried to write an event that breaks its own contract: a bug, never published. */
export class InvalidEventError extends Error {
  constructor(
    readonly subject: string,
    readonly problems: readonly string[],
  ) {
    super(`event on ${subject} breaks its contract: ${problems.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

/**
 * The envelope an event on `subject` travels in: a fresh time-ordered id, the contract's type,
 * version and data class, and the producer's facts. Not validated here: the outbox writer does
 * that before it writes the row. Throws InvalidEventError when no contract is registered.
 */
export function eventEnvelopeOf<S extends EventSubject>(
  subject: S,
  event: NewEvent<EventPayloads[S]>,
): EventEnvelope<EventPayloads[S]> {
  const contract = eventContractFor(subject);
  if (!contract) {
    throw new InvalidEventError(subject, ['no contract is registered for this subject']);
  }
  const id = uuidv7();
  return {
    id,
    type: contract.type,
    version: contract.version,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    pathId: event.pathId,
    clientRef: event.clientRef,
    emitter: event.emitter,
    correlationId: event.correlationId ?? id,
    causationId: event.causationId ?? null,
    dataClass: contract.dataClass,
    ...(event.consentRef === undefined ? {} : { consentRef: event.consentRef }),
    ...(event.legalBasis === undefined ? {} : { legalBasis: event.legalBasis }),
    data: event.data,
  } as EventEnvelope<EventPayloads[S]>;
}

/**
 * Writes events into the outbox inside the caller's transaction, so an event exists exactly
 * when the business change it describes committed. There is deliberately no way to write one
 * without an EntityManager that is in a transaction.
 */
@Injectable()
export class OutboxWriter {
  /**
   * Appends an event on `subject` to the outbox of `em`'s transaction and returns its envelope.
   * Throws InvalidEventError when the event breaks its contract, and an Error outside a
   * transaction. The row is written at the transaction's next boundary (commit or savepoint).
   */
  async append<S extends EventSubject>(
    em: EntityManager,
    subject: S,
    event: NewEvent<EventPayloads[S]>,
  ): Promise<EventEnvelope<EventPayloads[S]>> {
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error(`the outbox write of ${subject} must run inside the business transaction`);
    }
    const envelope = eventEnvelopeOf(subject, event);
    const { id } = envelope;
    const validation = validateEvent(subject, envelope);
    if (!validation.ok) {
      throw new InvalidEventError(subject, validation.errors);
    }
    // Written with the transaction's other appends in one INSERT at its next boundary (commit,
    // savepoint), or dropped with a rollback: see OutboxFlushSubscriber. One statement per
    // transaction instead of one per event (docs/performance.md).
    ensureOutboxFlushing(em.connection);
    bufferOutboxRow(em.queryRunner, {
      id,
      subject,
      payload: JSON.stringify(envelope),
      headers: JSON.stringify(currentTraceHeaders()),
    });
    // A request handler's reply names the events it committed (read your own writes).
    noteAppendedEvent(em.queryRunner, { id, subject });
    return envelope;
  }
}
