import type { RemoteErrorBody } from './request-reply.protocol';

/** Nobody answered in time: the service may be overloaded or partitioned away. */
export class ServiceTimeoutError extends Error {
  constructor(
    readonly subject: string,
    readonly timeoutMs: number,
  ) {
    super(`no reply on ${subject} within ${timeoutMs} ms`);
    this.name = 'ServiceTimeoutError';
  }
}

/** No instance of the service is listening, or NATS itself is unreachable. */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly subject: string,
    reason: string,
  ) {
    super(`nobody can answer ${subject}: ${reason}`);
    this.name = 'ServiceUnavailableError';
  }
}

/** The service answered with an error of its own. */
export class RemoteServiceError extends Error {
  constructor(
    readonly subject: string,
    readonly body: RemoteErrorBody,
  ) {
    super(`${subject} failed with ${body.code}: ${body.message}`);
    this.name = 'RemoteServiceError';
  }
}
