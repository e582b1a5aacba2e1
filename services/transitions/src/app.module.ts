import { Module } from '@nestjs/common';

/**
 * The transitions service: hand-offs, ownership, exits and destinations, follow-ups, timers and escalations.
 * Feature modules are added here as they are built; health, database and NATS come from
 * ServiceRuntimeModule.
 */
@Module({})
export class AppModule {}
