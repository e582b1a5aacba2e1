import type { RemoteErrorBody } from './request-reply.protocol';

/**
 * The codes a handler answers on purpose (an error class with a `toJSON()` reply body): upper
 * case and underscores, like VALIDATION_FAILED. A driver's codes (PostgreSQL's `23505`) never
 * look like this; a Node system error's (`ECONNREFUSED`) may, but it has no reply body.
 */
const DELIBERATE_CODE = /^[A-Z][A-Z_]*[A-Z]$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** The reply body an error meant for the caller gives, or undefined for any other error. */
function replyBodyOf(error: unknown): unknown {
  if (error instanceof Error) {
    // Only our own error classes define a reply body; a driver error (TypeORM's
    // QueryFailedError carries the SQL, its parameters and the driver's message as own fields)
    // never does, however much it looks like { code, message }.
    const toJSON = (error as { toJSON?: unknown }).toJSON;
    return typeof toJSON === 'function' ? (toJSON as () => unknown).call(error) : undefined;
  }
  // A plain { code, message } object a handler threw as its answer.
  return isPlainObject(error) ? error : undefined;
}

/**
 * The body of an error a handler threw on purpose (a CommandError, a refusal, a precondition),
 * with only its code, message and details; undefined for anything else (a bug, an outage, a
 * driver error), which must be answered by {@link internalReplyError} and logged in the service.
 */
export function deliberateReplyError(error: unknown): RemoteErrorBody | undefined {
  const body = replyBodyOf(error);
  if (!isPlainObject(body)) {
    return undefined;
  }
  const { code, message, details } = body;
  if (typeof code !== 'string' || !DELIBERATE_CODE.test(code) || typeof message !== 'string') {
    return undefined;
  }
  return details === undefined ? { code, message } : { code, message, details };
}

/**
 * The only answer to an unexpected error: a generic INTERNAL with the request id, so an operator
 * finds the full error in the service's log. No SQL, parameter, constraint name or driver
 * message crosses the bus (docs/security.md).
 */
export function internalReplyError(request: {
  readonly pattern: string;
  readonly requestId?: string;
}): RemoteErrorBody {
  const { pattern, requestId } = request;
  return requestId === undefined
    ? { code: 'INTERNAL', message: `the handler of ${pattern} failed` }
    : {
        code: 'INTERNAL',
        message: `the handler of ${pattern} failed (request ${requestId})`,
        details: { requestId },
      };
}
