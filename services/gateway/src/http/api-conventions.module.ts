import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { GatewayConfig } from '@polku/config';
import { PathIdGuard } from './path-ids/path-id.guard';
import { UserRateLimitGuard } from './user-rate-limit.guard';

/**
 * The per-user rate limit and the path id check, as global guards. Import the authentication module before this one
 * so that its guard runs first and the limit is per user, not per IP.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [GatewayConfig],
      useFactory: (config: GatewayConfig) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }],
      }),
    }),
  ],
  providers: [
    UserRateLimitGuard,
    { provide: APP_GUARD, useExisting: UserRateLimitGuard },
    // After the rate limit, before the access interceptors: a malformed id is 400, not 404.
    { provide: APP_GUARD, useClass: PathIdGuard },
  ],
  exports: [UserRateLimitGuard],
})
export class ApiConventionsModule {}
