import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { DASHBOARD_VIEWS } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { PROBLEM_TYPES } from '../../problem/problem-details';
import { ProblemException } from '../../problem/problem.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a route parameter names a resource id: `id`, `pathId`, `measureId`… */
export function isIdParam(name: string): boolean {
  return name === 'id' || name.endsWith('Id');
}

/**
 * The path parameters that are not ids but one of a fixed set of names, by parameter name:
 * checked here like ids, so every path parameter of every route is checked before anything
 * runs. `view`: a dashboard view (`GET /dashboards/{view}`).
 */
export const NAMED_PATH_PARAMS: Readonly<Record<string, readonly string[]>> = {
  view: DASHBOARD_VIEWS,
};

/** Whether the guard checks a route parameter: an id, or one of NAMED_PATH_PARAMS. */
export function isCheckedPathParam(name: string): boolean {
  return isIdParam(name) || Object.hasOwn(NAMED_PATH_PARAMS, name);
}

/** Why a path parameter's value is refused, or undefined when it is well-formed. */
function refusalOf(name: string, value: unknown): string | undefined {
  if (isIdParam(name)) {
    return typeof value === 'string' && UUID.test(value) ? undefined : `${name} must be a UUID`;
  }
  const names = Object.hasOwn(NAMED_PATH_PARAMS, name) ? NAMED_PATH_PARAMS[name] : undefined;
  if (names !== undefined && !(typeof value === 'string' && names.includes(value))) {
    // The names are public (the OpenAPI document lists them); the value is never echoed.
    return `${name} must be one of ${names.join(', ')}`;
  }
  return undefined;
}

/**
 * Refuses a request whose id path parameters are not UUIDs, or whose named parameters are not
 * one of their names: 400 `validation-failed`, one error per parameter. A global guard, after
 * authentication and the rate limit but before the access interceptors: ParseUUIDPipe on a
 * handler runs only after those, which answered a malformed path id 404 as if the path were
 * hidden. Unauthenticated callers still get 401 first.
 */
@Injectable()
export class PathIdGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const params = (request.params ?? {}) as Record<string, unknown>;
    const errors = Object.entries(params).flatMap(([name, value]) => {
      const message = refusalOf(name, value);
      return message === undefined ? [] : [{ field: name, message }];
    });
    if (errors.length > 0) {
      throw new ProblemException({
        type: PROBLEM_TYPES.validationFailed,
        title: 'The request is not valid',
        status: 400,
        detail: 'A path parameter is not a valid id or name. See errors.',
        errors,
      });
    }
    return true;
  }
}
