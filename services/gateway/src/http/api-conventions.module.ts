import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { GatewayConfig } from '@polku/config';
import { UserRateLimitGuard } from './user-rate-limit.guard';

/**
 * The per-user rate limit, as a global guard. Import the authentication module before this one
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
  providers: [UserRateLimitGuard, { provide: APP_GUARD, useExisting: UserRateLimitGuard }],
  exports: [UserRateLimitGuard],
})
export class ApiConventionsModule {}
