import { Module } from '@nestjs/common';

/**
 * The activation-plans service: activation plans and linked plans, goals (GAS), measures and schedules, reviews.
 * Feature modules are added here as they are built; health, database and NATS come from
 * ServiceRuntimeModule.
 */
@Module({})
export class AppModule {}
