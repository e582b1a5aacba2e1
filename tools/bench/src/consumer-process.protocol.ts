/**
 * The bench's consuming service: transitions consumes client-intake's ClientReferred in
 * production, so the bench's consumer plays transitions, with its own database.
 */
export const BENCH_CONSUMER_SERVICE = 'transitions';

/** What the consumer process tells the bench over IPC. */
export type ConsumerProcessMessage =
  { readonly kind: 'ready' } | { readonly kind: 'failed'; readonly error: string };

/** What the bench tells the consumer process. */
export type ConsumerProcessCommand = { readonly kind: 'stop' };
