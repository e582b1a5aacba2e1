import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * SQLSTATEs with which PostgreSQL aborts a transaction that may well succeed when run again:
 * deadlock_detected (two transactions took the same rows in opposite orders, e.g. a command
 * that locks its path and then cancels a timer, and the timer poller that holds the timer and
 * then locks the path) and serialization_failure (REPEATABLE READ or SERIALIZABLE).
 */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);

const logger = new Logger('RetriedTransaction');

/** Whether `error` is PostgreSQL aborting a transaction that can be run again as it was. */
export function isRetryableConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  // TypeORM's QueryFailedError copies the driver's fields onto itself and keeps the original.
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  return RETRYABLE_SQLSTATES.has(String(code ?? driverError?.code));
}

/** The isolation levels PostgreSQL has; READ COMMITTED unless told. */
export type PostgresIsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

export interface RetriedTransactionOptions {
  readonly isolation?: PostgresIsolationLevel;
  /** How many times the work runs at most; 4 unless told. */
  readonly attempts?: number;
}

/**
 * Runs `work` in a transaction of `dataSource`, and runs it again in a new transaction when
 * PostgreSQL aborted it as a deadlock victim or for a serialization failure: nothing of the
 * aborted attempt was kept, so the caller sees one outcome, as if the conflict never happened.
 * `work` must do nothing outside the transaction (no mail, no publishing; the outbox is inside),
 * because it may run more than once. Any other error is the caller's, at once.
 */
export async function retriedTransaction<T>(
  dataSource: DataSource,
  work: (em: EntityManager) => Promise<T>,
  options: RetriedTransactionOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 4;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return options.isolation === undefined
        ? await dataSource.transaction(work)
        : await dataSource.transaction(options.isolation, work);
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) {
        throw error;
      }
      logger.warn(`transaction aborted by a conflict (attempt ${attempt}), run again: ${error}`);
      // A short random pause, longer each time, so the two sides do not meet again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * attempt));
    }
  }
}
