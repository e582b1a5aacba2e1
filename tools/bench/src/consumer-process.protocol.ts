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

/** How the consumer's projection handler writes; the bench's --handler option. */
export type ProjectionHandlerKind = 'batch' | 'per-event';

/** What each kind means, for the report. */
export const PROJECTION_HANDLERS: Readonly<Record<ProjectionHandlerKind, string>> = {
  batch: '@EventBatchPattern, one INSERT … unnest per consumer batch',
  'per-event': '@EventPattern, one INSERT per event',
};

export function projectionHandlerKind(raw: string): ProjectionHandlerKind {
  if (raw === 'batch' || raw === 'per-event') {
    return raw;
  }
  throw new Error(`--handler must be batch or per-event, got ${JSON.stringify(raw)}`);
}
