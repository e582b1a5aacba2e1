import type { AwaitOutcome } from './read-your-writes/await-processed-events';
import type { WrittenEvent } from './read-your-writes/written-events';

/**
 * What a reply says about consistency, besides the answer (docs/adr/0015-read-your-own-writes.md).
 * Every member is optional: a reply without them is what older services send.
 */
export interface ReplyConsistency {
  /**
   * The events the handler committed to its outbox (ids and subjects, never data), on a
   * successful reply: the gateway remembers them for the caller's next requests.
   */
  readonly written?: readonly WrittenEvent[];
  /**
   * When the request's token named events to await: whether this service had processed them
   * all before the handler ran, or ran it anyway after READ_YOUR_WRITES_WAIT_MS.
   */
  readonly awaited?: AwaitOutcome;
}

/**
 * The wire format of polku's request/reply over core NATS: the request body is the JSON of the
 * command or query; the reply body is one of these envelopes.
 */
export type ReplyEnvelope<T = unknown> = (
  | { readonly response: T; readonly err?: undefined }
  | { readonly err: RemoteErrorBody; readonly response?: undefined }
) &
  ReplyConsistency;

/** A failure inside the service, in a form safe to forward to the gateway. */
export interface RemoteErrorBody {
  /** Stable machine code, e.g. VALIDATION_FAILED or NOT_FOUND; the gateway maps it to HTTP. */
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

/** Header names carried on every request. `traceparent`/`tracestate` are W3C trace context. */
export const REQUEST_HEADERS = {
  requestId: 'polku-request-id',
  /**
   * The caller, as a short-lived token the gateway signed (docs/security.md, "The internal
   * token"). Every service verifies it before any handler runs; its `jti` equals requestId.
   */
  internalToken: 'polku-internal-token',
} as const;
