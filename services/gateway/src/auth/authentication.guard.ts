import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationError, TokenVerifier } from '@polku/auth';
import type { FastifyRequest } from 'fastify';
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
      throw new UnauthenticatedException('no bearer token');
    }
    try {
      request.principal = await this.verifier.verify(match[1]);
    } catch (error) {
      const reason = error instanceof AuthenticationError ? error.reason : String(error);
      // Logged without the token: a token is a credential.
      this.logger.warn(`request ${String(request.id)}: token refused: ${reason}`);
      throw new UnauthenticatedException(reason);
    }
    return true;
  }
}
