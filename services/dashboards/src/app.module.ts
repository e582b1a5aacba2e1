import { Module } from '@nestjs/common';
import { DashboardQueriesModule } from './queries/dashboard-queries.module';

/**
 * The dashboards service: managers' read models: aggregates only, small cells suppressed
 * (docs/dashboards.md). Feature modules are added here as they are built; health, database and
 * NATS come from ServiceRuntimeModule.
 */
@Module({ imports: [DashboardQueriesModule] })
export class AppModule {}
