/** RFC 9457 problem details, as every gateway error is answered. */
export interface ProblemDetails {
  /** Stable identifier of the kind of problem; clients switch on this, not on `title`. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  /** The request this answers, also in the `x-request-id` response header. */
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The problem types the gateway answers with. Never rename one: clients depend on them. */
export const PROBLEM_TYPES = {
  serviceTimeout: 'urn:polku:problem:service-timeout',
  serviceUnavailable: 'urn:polku:problem:service-unavailable',
  validationFailed: 'urn:polku:problem:validation-failed',
  notFound: 'urn:polku:problem:not-found',
  conflict: 'urn:polku:problem:conflict',
  /** The path's state forbids the command; `pathState` names it (docs/path-rules.md). */
  pathStateConflict: 'urn:polku:problem:path-state-conflict',
  internal: 'urn:polku:problem:internal',
  malformedRequest: 'urn:polku:problem:malformed-request',
  payloadTooLarge: 'urn:polku:problem:payload-too-large',
  unsupportedMediaType: 'urn:polku:problem:unsupported-media-type',
  rateLimited: 'urn:polku:problem:rate-limited',
  unauthenticated: 'urn:polku:problem:unauthenticated',
  forbidden: 'urn:polku:problem:forbidden',
  idempotencyKeyMissing: 'urn:polku:problem:idempotency-key-missing',
  idempotencyKeyInvalid: 'urn:polku:problem:idempotency-key-invalid',
  idempotencyKeyReused: 'urn:polku:problem:idempotency-key-reused',
  idempotencyInProgress: 'urn:polku:problem:idempotency-in-progress',
  preconditionRequired: 'urn:polku:problem:precondition-required',
  preconditionFailed: 'urn:polku:problem:precondition-failed',
  invalidPrecondition: 'urn:polku:problem:invalid-precondition',
  invalidCursor: 'urn:polku:problem:invalid-cursor',
  ruleViolated: 'urn:polku:problem:rule-violated',
  /** A JSON body over the depth, member or string limits (docs/api.md). */
  bodyLimitExceeded: 'urn:polku:problem:body-limit-exceeded',
} as const;
