import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/principal-of-request';
import { PROBLEM_TYPES } from '../problem/problem-details';
import { ProblemException } from '../problem/problem.exception';

/** Paths that are never rate limited: probes must always get through, and so must the docs. */
export const UNLIMITED_PATH_PREFIXES: readonly string[] = ['/health', '/api/docs'];

function isUnlimited(path: string): boolean {
  return UNLIMITED_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * One request budget per caller across the whole API: the signed-in user, or the client IP
 * while there is none. It reads the principal, so the authentication guard must run first:
 * global guards run in the order their modules are imported.
 */
@Injectable()
export class UserRateLimitGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return Promise.resolve(isUnlimited(request.routeOptions.url ?? request.url));
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const userId = principalOf(request as unknown as FastifyRequest)?.userId;
    return userId === undefined ? `ip:${await super.getTracker(request)}` : `user:${userId}`;
  }

  // The default key includes the controller and handler, giving a budget per route.
  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    throttlerName: string,
  ): string {
    return `${throttlerName}:${tracker}`;
  }

  // ThrottlerGuard has already set Retry-After (seconds) on the response.
  protected override throwThrottlingException(
    _context: ExecutionContext,
    limit: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new ProblemException({
      type: PROBLEM_TYPES.rateLimited,
      title: 'Too many requests',
      status: 429,
      detail: `At most ${limit.limit} requests per minute. Try again in ${limit.timeToBlockExpire} s.`,
    });
  }
}
