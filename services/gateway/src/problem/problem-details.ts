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
  internal: 'urn:polku:problem:internal',
} as const;
