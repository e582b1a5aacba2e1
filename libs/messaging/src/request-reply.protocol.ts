/**
 * The wire format of polku's request/reply over core NATS: the request body is the JSON of the
 * command or query; the reply body is one of these envelopes.
 */
export type ReplyEnvelope<T = unknown> =
  | { readonly response: T; readonly err?: undefined }
  | { readonly err: RemoteErrorBody; readonly response?: undefined };

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
