/** What became of one message of a batch; decides its ack, nak or term after the commit. */
export type Outcome =
  | { kind: 'done' }
  | { kind: 'duplicate' }
  | { kind: 'retry'; error: string }
  | { kind: 'dead'; error: string };

/**
 * How a batch transaction guards its handlers. `optimistic`: no savepoints; the first handler
 * that throws aborts the whole transaction and the batch runs again `guarded`, with a savepoint
 * per message so one failure keeps the others' effects. Handler failures are rare, so most
 * batches pay one statement per event for the guarantee instead of three.
 */
export type BatchMode = 'optimistic' | 'guarded';

/** Thrown out of an optimistic batch transaction to roll it back; never leaves the consumer. */
export class OptimisticBatchAborted extends Error {
  constructor(where: string) {
    super(`a handler failed on ${where}; the batch runs again with savepoints`);
  }
}
