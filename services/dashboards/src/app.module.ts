import { Module } from '@nestjs/common';
import { DashboardsProjectionModule } from './projection/projection.module';

/**
 * The dashboards service: managers' read models: aggregates only, small cells suppressed.
 * Feature modules are added here as they are built; health, database and NATS come from
 * ServiceRuntimeModule.
 */
@Module({
  imports: [DashboardsProjectionModule],
})
export class AppModule {}
