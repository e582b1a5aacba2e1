import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PROBLEM_TYPES } from '../../problem/problem-details';
import { ProblemException } from '../../problem/problem.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a route parameter names a resource id: `id`, `pathId`, `measureId`… */
export function isIdParam(name: string): boolean {
  return name === 'id' || name.endsWith('Id');
}

/**
 * Refuses a request whose id path parameters are not UUIDs: 400 `validation-failed`, one error
 * per parameter. A global guard, after authentication and the rate limit but before the
 * access interceptors: ParseUUIDPipe on a handler runs only after those, which answered a
 * malformed path id 404 as if the path were hidden. Unauthenticated callers still get 401 first.
 */
@Injectable()
export class PathIdGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const params = (request.params ?? {}) as Record<string, unknown>;
    const errors = Object.entries(params)
      .filter(
        ([name, value]) => isIdParam(name) && !(typeof value === 'string' && UUID.test(value)),
      )
      .map(([name]) => ({ field: name, message: `${name} must be a UUID` }));
    if (errors.length > 0) {
      throw new ProblemException({
        type: PROBLEM_TYPES.validationFailed,
        title: 'The request is not valid',
        status: 400,
        detail: 'A path parameter is not a valid id. See errors.',
        errors,
      });
    }
    return true;
  }
}
