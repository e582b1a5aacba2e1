import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { RemoteServiceError, ServiceTimeoutError, ServiceUnavailableError } from '@polku/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnauthenticatedException } from '../auth/authentication.guard';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type ProblemDetails } from './problem-details';
import { ProblemException } from './problem.exception';

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
  // The caller's organisation or role may not do this at all (no resource is revealed).
  FORBIDDEN: {
    status: 403,
    type: PROBLEM_TYPES.forbidden,
    title: 'Your organisation or role may not do this',
  },
  // A service could not read the principal the gateway should have sent (a wiring bug).
  UNAUTHENTICATED: {
    status: 401,
    type: PROBLEM_TYPES.unauthenticated,
    title: 'A valid bearer token is required',
  },
  // A versioned update found another version than If-Match named (versionedUpdate).
  PRECONDITION_FAILED: {
    status: 412,
    type: PROBLEM_TYPES.preconditionFailed,
    title: 'The resource has changed since you read it',
  },
  // Well-formed, but breaks a rule of the domain or the law; `errors` lists every broken rule.
  RULE_VIOLATED: {
    status: 422,
    type: PROBLEM_TYPES.ruleViolated,
    title: 'The request breaks a rule',
  },
  INVALID_CURSOR: {
    status: 400,
    type: PROBLEM_TYPES.invalidCursor,
    title: 'The cursor is not valid',
  },
};

// HTTP errors raised by Fastify (body parsing) or Nest (no route) before any of our code runs.
// Their messages never contain the body, so they can be the detail.
const HTTP_STATUS_TO_PROBLEM: Readonly<Record<number, { type: string; title: string }>> = {
  400: { type: PROBLEM_TYPES.malformedRequest, title: 'The request could not be read' },
  404: { type: PROBLEM_TYPES.notFound, title: 'Not found' },
  413: { type: PROBLEM_TYPES.payloadTooLarge, title: 'The request body is too large' },
  415: { type: PROBLEM_TYPES.unsupportedMediaType, title: 'Send the body as application/json' },
  429: { type: PROBLEM_TYPES.rateLimited, title: 'Too many requests' },
};

/**
 * The HTTP status the filter below answers an error with, so the audit trail records what the
 * caller got: a service's NOT_FOUND is a 404, not the 500 of an unknown error.
 */
export function httpStatusOf(exception: unknown): number {
  if (exception instanceof HttpException) {
    return exception.getStatus();
  }
  if (exception instanceof ServiceTimeoutError || exception instanceof ServiceUnavailableError) {
    return 503;
  }
  if (exception instanceof RemoteServiceError) {
    return REMOTE_CODE_TO_PROBLEM[exception.body.code]?.status ?? 500;
  }
  return 500;
}

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
    if (exception instanceof UnauthenticatedException) {
      // RFC 6750: the reason stays in our logs; the caller learns only that the token failed.
      void reply.header('WWW-Authenticate', 'Bearer realm="polku", error="invalid_token"');
    }
    void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) {
      return exception.problem;
    }
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
        const details = exception.body.details as
          { violations?: unknown; pathState?: unknown } | undefined;
        const violations = details?.violations;
        const pathState = details?.pathState;
        return {
          ...mapped,
          ...(exception.body.code === 'CONFLICT' && typeof pathState === 'string'
            ? {
                type: PROBLEM_TYPES.pathStateConflict,
                title: "The path's state does not allow this",
                pathState,
              }
            : {}),
          detail: exception.body.message,
          ...(Array.isArray(violations) ? { errors: violations } : {}),
        };
      }
    }
    if (exception instanceof UnauthenticatedException) {
      return {
        type: PROBLEM_TYPES.unauthenticated,
        title: 'A valid bearer token is required',
        status: 401,
      };
    }
    if (exception instanceof HttpException) {
      const known = HTTP_STATUS_TO_PROBLEM[exception.getStatus()];
      return known
        ? { ...known, status: exception.getStatus(), detail: exception.message }
        : { type: 'about:blank', title: exception.message, status: exception.getStatus() };
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return { type: PROBLEM_TYPES.internal, title: 'Internal error', status: 500 };
  }
}
