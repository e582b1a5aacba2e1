/** How waiting for a caller's own events ended. */
export type AwaitOutcome = 'seen' | 'timed-out';

/** What {@link awaitProcessedEvents} needs. */
export interface AwaitProcessedEventsOptions {
  /** The event ids to wait for. */
  readonly ids: readonly string[];
  /** Which of the ids the local consumers have processed (inbox or dead letter). */
  readonly processedAmong: (ids: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Longest wait before giving up, in ms (READ_YOUR_WRITES_WAIT_MS). */
  readonly timeoutMs: number;
}

/** The first pause between checks; it doubles up to {@link MAX_PAUSE_MS}. */
const FIRST_PAUSE_MS = 5;
/**
 * Short pauses find an event that is milliseconds away without delay; the cap keeps a stuck
 * consumer from costing more than one query per 50 ms per waiting request.
 */
const MAX_PAUSE_MS = 50;

/**
 * Waits until every id in `ids` is processed, checking at once and then with a pause that
 * doubles from 5 to 50 ms, for at most `timeoutMs`. With nothing to wait for it returns
 * without a query. The caller decides what a timeout means (docs/adr/0015-read-your-own-writes.md).
 */
export async function awaitProcessedEvents(
  options: AwaitProcessedEventsOptions,
): Promise<AwaitOutcome> {
  let missing = [...new Set(options.ids)];
  if (missing.length === 0) {
    return 'seen';
  }
  // A duration, so performance.now(): a simulated clock moved meanwhile must not end it early.
  const deadline = performance.now() + options.timeoutMs;
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    const processed = await options.processedAmong(missing);
    missing = missing.filter((id) => !processed.has(id));
    if (missing.length === 0) {
      return 'seen';
    }
    const left = deadline - performance.now();
    if (left <= 0) {
      return 'timed-out';
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    pause = Math.min(pause * 2, MAX_PAUSE_MS);
  }
}
