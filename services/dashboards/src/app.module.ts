import { Module } from '@nestjs/common';
import { DashboardsProjectionModule } from './projection/projection.module';
import { DashboardQueriesModule } from './queries/dashboard-queries.module';

/**
 * The dashboards service: managers' read models: aggregates only, small cells suppressed
 * (docs/dashboards.md). The projection keeps the facts from events; the queries answer the
 * views. Health, database and NATS come from ServiceRuntimeModule.
 */
@Module({
  imports: [DashboardsProjectionModule, DashboardQueriesModule],
})
export class AppModule {}
