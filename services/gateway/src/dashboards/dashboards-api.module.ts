import { Module } from '@nestjs/common';
import { PathAccessModule } from '../access/path-access.module';
import { ServiceClientModule } from '../service-client/service-client.module';
import { DashboardsController } from './dashboards.controller';

/** The gateway's endpoints for the managers' dashboards; their audit rows go to AuditTrail. */
@Module({
  imports: [ServiceClientModule, PathAccessModule],
  controllers: [DashboardsController],
})
export class DashboardsApiModule {}
