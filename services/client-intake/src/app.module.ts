import { Module } from '@nestjs/common';

/**
 * The client-intake service: referrals, client identity (pseudonymised), consent, intake assessment, path creation and re-entry.
 * Feature modules are added here as they are built; health, database and NATS come from
 * ServiceRuntimeModule.
 */
@Module({})
export class AppModule {}
