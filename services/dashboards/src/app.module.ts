import { Module } from '@nestjs/common';

/**
 * The dashboards service: managers' read models: aggregates only, small cells suppressed.
 * Feature modules are added here as they are built; health, database and NATS come from
 * ServiceRuntimeModule.
 */
@Module({})
export class AppModule {}
