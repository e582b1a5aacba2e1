import type { FastifyRequest } from 'fastify';

/** The header a caller may send its own request id in; kept as a correlation id only. */
export const CORRELATION_HEADER = 'x-request-id';

// A caller's id is a log key, never trusted: short, printable, no separators of log formats.
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The caller's own X-Request-Id when it is well-formed, else null. The gateway never uses it
 * as the request id (that one the gateway makes, see createGatewayApp): a client could
 * otherwise give two requests one id and make the audit trail and the services' logs disagree.
 */
export function correlationIdOf(request: FastifyRequest): string | null {
  const given = request.headers[CORRELATION_HEADER];
  return typeof given === 'string' && WELL_FORMED.test(given) ? given : null;
}
