import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { RemoteServiceError, ServiceTimeoutError, ServiceUnavailableError } from '@polku/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type ProblemDetails } from './problem-details';

// Service error codes (RemoteErrorBody.code) and the HTTP answer each becomes.
const REMOTE_CODE_TO_PROBLEM: Readonly<
  Record<string, { status: number; type: string; title: string }>
> = {
  VALIDATION_FAILED: {
    status: 400,
    type: PROBLEM_TYPES.validationFailed,
    title: 'The request is not valid',
  },
  MALFORMED_REQUEST: {
    status: 400,
    type: PROBLEM_TYPES.validationFailed,
    title: 'The request is not valid',
  },
  NOT_FOUND: { status: 404, type: PROBLEM_TYPES.notFound, title: 'Not found' },
  CONFLICT: {
    status: 409,
    type: PROBLEM_TYPES.conflict,
    title: 'Conflicts with the current state',
  },
};

/**
 * Turns every error into an RFC 9457 problem+json answer. A service that does not answer in
 * time, or at all, is a 503 with Retry-After: the caller learns at once that nothing was done.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = { ...this.toProblem(exception), instance: String(request.id) };
    if (problem.status === 503) {
      void reply.header('Retry-After', '5');
    }
    void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ServiceTimeoutError) {
      return {
        type: PROBLEM_TYPES.serviceTimeout,
        title: 'A service did not answer in time',
        status: 503,
        detail: `No answer within ${exception.timeoutMs} ms; nothing is known to have been done. Try again.`,
      };
    }
    if (exception instanceof ServiceUnavailableError) {
      return {
        type: PROBLEM_TYPES.serviceUnavailable,
        title: 'A service is unavailable',
        status: 503,
        detail: 'Nothing was done. Try again shortly.',
      };
    }
    if (exception instanceof RemoteServiceError) {
      const mapped = REMOTE_CODE_TO_PROBLEM[exception.body.code];
      if (mapped) {
        return { ...mapped, detail: exception.body.message };
      }
    }
    if (exception instanceof HttpException) {
      return {
        type: exception.getStatus() === 404 ? PROBLEM_TYPES.notFound : 'about:blank',
        title: exception.message,
        status: exception.getStatus(),
      };
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return { type: PROBLEM_TYPES.internal, title: 'Internal error', status: 500 };
  }
}
