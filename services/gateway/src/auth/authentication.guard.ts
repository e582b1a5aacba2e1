import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationError, TokenVerifier } from '@polku/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_TYPES } from '../problem/problem-details';
import { ProblemException } from '../problem/problem.exception';
import { FailedAuthenticationLimiter } from './failed-authentication-limiter';
import { PUBLIC_ROUTE } from './public-route.decorator';

/** 401 for a missing or refused token; the filter answers it as problem+json. */
export class UnauthenticatedException extends UnauthorizedException {
  constructor(readonly reason: string) {
    super('A valid bearer token is required');
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/**
 * Verifies the bearer token of every request not marked @PublicRoute() and puts the principal
 * on the request. Registered first among the global guards: rate limits and access checks need
 * to know who is asking.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly logger = new Logger(AuthenticationGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly failures: FailedAuthenticationLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      throw this.refused(context, 'no bearer token');
    }
    try {
      request.principal = await this.verifier.verify(match[1]);
    } catch (error) {
      const reason = error instanceof AuthenticationError ? error.reason : String(error);
      // Logged without the token: a token is a credential.
      this.logger.warn(`request ${String(request.id)}: token refused: ${reason}`);
      throw this.refused(context, reason);
    }
    return true;
  }

  /** 401, or 429 once the client IP has been refused too often this minute. */
  private refused(context: ExecutionContext, reason: string): Error {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const retryAfter = this.failures.recordFailure(request.ip);
    if (retryAfter === undefined) {
      return new UnauthenticatedException(reason);
    }
    void context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .header('Retry-After', String(retryAfter));
    return new ProblemException({
      type: PROBLEM_TYPES.rateLimited,
      title: 'Too many requests',
      status: 429,
      detail: `Too many refused sign-ins from this address. Try again in ${retryAfter} s.`,
    });
  }
}
