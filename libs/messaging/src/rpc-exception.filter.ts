import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { type Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter replaces every unknown error with "Internal server error" before
 * the transport sees it. This one passes the original on: the request/reply server maps it to a
 * safe reply and logs the real stack; the event consumer records the real cause in dead_letter.
 */
@Catch()
export class PassThroughRpcExceptionFilter implements RpcExceptionFilter<unknown> {
  /** Rethrows the original error (unwrapped from an RpcException). */
  catch(exception: unknown): Observable<never> {
    const error = exception instanceof RpcException ? exception.getError() : exception;
    return throwError(() => error);
  }
}
