import type { Principal } from '@polku/auth';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication guard once the bearer token is verified. */
    principal?: Principal;
  }
}

/** The authenticated caller of a request, or undefined before (or without) authentication. */
export function principalOf(request: FastifyRequest): Principal | undefined {
  return request.principal;
}
