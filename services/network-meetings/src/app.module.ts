import { Module } from '@nestjs/common';

/**
 * The network-meetings service: network meetings, participants, decisions, action items and the shared timeline.
 * Feature modules are added here as they are built; health, database and NATS come from
 * ServiceRuntimeModule.
 */
@Module({})
export class AppModule {}
