import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { decodePrincipal, InvalidPrincipalError, type Principal } from '@polku/auth';
import { type NatsRequestContext, REQUEST_HEADERS } from '@polku/messaging';

/**
 * A request reached a service without a principal it can read: only the gateway sends requests,
 * always with one, so this is a wiring bug or a stray publisher. The gateway answers 401.
 */
export class UnauthenticatedRequestError extends Error {
  readonly code = 'UNAUTHENTICATED';

  constructor(reason: string) {
    super(`the request carries no valid principal: ${reason}`);
    this.name = 'UnauthenticatedRequestError';
  }

  /** The reply body (an Error's message is not serialised on its own). */
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** The principal the gateway verified, read from the request's `polku-principal` header. */
export function requestPrincipal(context: NatsRequestContext): Principal {
  const header = context.getHeader(REQUEST_HEADERS.principal);
  if (header === undefined) {
    throw new UnauthenticatedRequestError('no polku-principal header');
  }
  try {
    return decodePrincipal(header);
  } catch (error) {
    throw new UnauthenticatedRequestError(
      error instanceof InvalidPrincipalError ? error.message : 'unreadable principal',
    );
  }
}

/** `@RequestPrincipal() principal: Principal` in a @MessagePattern handler. */
export const RequestPrincipal = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): Principal =>
    requestPrincipal(execution.switchToRpc().getContext<NatsRequestContext>()),
);
