import { listenToSavepoints, type SavepointListener } from '@polku/persistence';
import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { runPreparedOn, type PreparedStatement } from '../prepared-statement';

/** An outbox row appended in a transaction and not yet sent to PostgreSQL. */
export interface PendingOutboxRow {
  readonly id: string;
  readonly subject: string;
  /** The envelope as JSON text. */
  readonly payload: string;
  /** The trace headers as JSON text. */
  readonly headers: string;
}

const INSERT_PENDING_ROWS: PreparedStatement = {
  name: 'polku_outbox_flush',
  text: `INSERT INTO outbox_message (id, subject, payload, headers)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::jsonb[])`,
};

const pendingByRunner = new WeakMap<QueryRunner, PendingOutboxRow[]>();

/** Flushes before a savepoint is set or released, discards on a rollback to one. */
const AT_SAVEPOINTS: SavepointListener = {
  flush: (runner) => flushOutbox(runner),
  discard: (runner) => discardOutbox(runner),
};

/** Holds a row until the transaction's next boundary (see OutboxFlushSubscriber). */
export function bufferOutboxRow(runner: QueryRunner, row: PendingOutboxRow): void {
  const pending = pendingByRunner.get(runner);
  if (pending === undefined) {
    pendingByRunner.set(runner, [row]);
    listenToSavepoints(runner, AT_SAVEPOINTS);
  } else {
    pending.push(row);
  }
}

/** Writes every row buffered on `runner` with one INSERT, in the order they were appended. */
export async function flushOutbox(runner: QueryRunner): Promise<void> {
  const pending = pendingByRunner.get(runner);
  if (pending === undefined || pending.length === 0) {
    return;
  }
  // Taken off first: if the INSERT fails, the transaction fails, and nothing may be retried
  // into a later one.
  pendingByRunner.delete(runner);
  await runPreparedOn(runner, {
    statement: INSERT_PENDING_ROWS,
    values: [
      pending.map((row) => row.id),
      pending.map((row) => row.subject),
      pending.map((row) => row.payload),
      pending.map((row) => row.headers),
    ],
  });
}

/** Forgets the rows buffered on `runner`: the work that appended them was rolled back. */
export function discardOutbox(runner: QueryRunner): void {
  pendingByRunner.delete(runner);
}

/**
 * Writes a transaction's buffered outbox rows at its boundaries, so that "the rows buffered now"
 * are always "the rows appended since the last boundary":
 *
 * - before COMMIT, before a nested transaction starts, and before a SAVEPOINT is set or released
 *   with `Savepoint`/`withSavepoint` of @polku/persistence: flush, so a later ROLLBACK TO only
 *   takes away what the database already holds;
 * - before ROLLBACK, or ROLLBACK TO a nested transaction's or a `Savepoint`'s savepoint:
 *   discard, the appending work did not happen.
 *
 * Savepoints must be set through @polku/persistence: one set with raw SQL is not seen, and a
 * ROLLBACK TO it would leave rows of undone work in the buffer
 * (docs/adr/0009-explicit-transaction-boundaries.md).
 *
 * One subscriber per DataSource, added by the OutboxWriter on first use, so no DataSource can
 * forget it and lose events.
 */
export class OutboxFlushSubscriber implements EntitySubscriberInterface {
  /** A nested transaction starts (a savepoint): flush. */
  beforeTransactionStart(event: { queryRunner: QueryRunner }): Promise<void> {
    return flushOutbox(event.queryRunner);
  }

  /** COMMIT, or the release of a nested transaction's savepoint: flush. */
  beforeTransactionCommit(event: { queryRunner: QueryRunner }): Promise<void> {
    return flushOutbox(event.queryRunner);
  }

  /** ROLLBACK, or ROLLBACK TO a nested transaction's savepoint: discard. */
  beforeTransactionRollback(event: { queryRunner: QueryRunner }): void {
    discardOutbox(event.queryRunner);
  }
}

const FLUSHER = new OutboxFlushSubscriber();

/** Adds the flushing subscriber to a DataSource once. */
export function ensureOutboxFlushing(dataSource: DataSource): void {
  if (!dataSource.subscribers.includes(FLUSHER)) {
    dataSource.subscribers.push(FLUSHER);
  }
}
