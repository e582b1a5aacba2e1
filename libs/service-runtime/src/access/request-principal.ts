import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { InternalCaller, Principal } from '@polku/auth';
import type { NatsRequestContext } from '@polku/messaging';

/**
 * A request reached a handler without a caller: the transport verifies every request's internal
 * token first, so this is a wiring bug (a handler called outside the transport). The gateway
 * answers 401.
 */
export class UnauthenticatedRequestError extends Error {
  readonly code = 'UNAUTHENTICATED';

  constructor(reason: string) {
    super(`the request carries no valid caller: ${reason}`);
    this.name = 'UnauthenticatedRequestError';
  }

  /** The reply body (an Error's message is not serialised on its own). */
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

/**
 * polku's own process (a system caller) asked for something only a person may: a system
 * identity never stands in for a user. The gateway answers 403.
 */
export class SystemCallerRefusedError extends Error {
  readonly code = 'FORBIDDEN';

  constructor() {
    super('this request needs a user; a system caller may not make it');
    this.name = 'SystemCallerRefusedError';
  }

  /** The reply body (an Error's message is not serialised on its own). */
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** The caller the transport verified from the request's internal token. */
export function requestCaller(context: NatsRequestContext): InternalCaller {
  const caller = typeof context.getCaller === 'function' ? context.getCaller() : undefined;
  if (caller === undefined) {
    throw new UnauthenticatedRequestError('no verified internal token');
  }
  return caller;
}

/** The user the gateway verified; a system caller is refused (SystemCallerRefusedError). */
export function requestPrincipal(context: NatsRequestContext): Principal {
  const caller = requestCaller(context);
  if (caller.kind !== 'user') {
    throw new SystemCallerRefusedError();
  }
  return caller.principal;
}

/**
 * `@RequestPrincipal() principal: Principal` in a @MessagePattern handler: the verified user.
 * Requests of a system caller are refused before the handler body runs.
 */
export const RequestPrincipal = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): Principal =>
    requestPrincipal(execution.switchToRpc().getContext<NatsRequestContext>()),
);

/** `@RequestCaller() caller: InternalCaller` where a handler also serves system callers. */
export const RequestCaller = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): InternalCaller =>
    requestCaller(execution.switchToRpc().getContext<NatsRequestContext>()),
);
