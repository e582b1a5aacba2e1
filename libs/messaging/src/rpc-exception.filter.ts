import { type ArgumentsHost, Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { type Observable, throwError } from 'rxjs';
import { NatsRequestContext } from './nats-request.context';
import { loggableStack } from './loggable-error';
import { deliberateReplyError, internalReplyError } from './reply-error';
import { REQUEST_HEADERS } from './request-reply.protocol';

/**
 * Nest's default RPC filter replaces every unknown error with "Internal server error" before
 * the transport sees it. This one answers a request with the error a handler threw on purpose
 * (its code, message and details only) and anything else with a generic INTERNAL and the
 * request id, logging the full error here: no SQL text or driver error crosses the bus. An event
 * handler's error passes on as it is: the consumer records the real cause in dead_letter, a
 * table of the service's own database.
 */
@Catch()
export class PassThroughRpcExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcExceptionFilter');

  /** Rethrows the reply error of a request, or the original error of an event. */
  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const error = exception instanceof RpcException ? exception.getError() : exception;
    const context: unknown = host?.switchToRpc().getContext();
    if (!(context instanceof NatsRequestContext)) {
      return throwError(() => error);
    }
    const deliberate = deliberateReplyError(error);
    if (deliberate !== undefined) {
      return throwError(() => deliberate);
    }
    const pattern = context.getSubject();
    const requestId = context.getHeader(REQUEST_HEADERS.requestId);
    this.logger.error(
      `handler for ${pattern} failed (request ${requestId ?? 'without id'})`,
      loggableStack(error),
    );
    return throwError(() => internalReplyError({ pattern, requestId }));
  }
}
