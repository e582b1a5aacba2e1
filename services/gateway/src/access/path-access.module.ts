import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditTrail } from '../audit/audit-trail';
import { ClientDataInterceptor } from './client-data.interceptor';
import { ConsentWithdrawalFence } from './consent-withdrawal-fence';
import { PathAccessConsumers } from './path-access-consumers';
import { PathsController } from './paths.controller';

/**
 * Organisation-scoped access to paths: the projection of who takes part, the policy check and
 * the audit row around every client-level route, and the path views built on them.
 */
@Module({
  controllers: [PathsController],
  providers: [
    AuditTrail,
    PathAccessConsumers,
    ConsentWithdrawalFence,
    { provide: APP_INTERCEPTOR, useClass: ClientDataInterceptor },
  ],
  exports: [AuditTrail, ConsentWithdrawalFence],
})
export class PathAccessModule {}
