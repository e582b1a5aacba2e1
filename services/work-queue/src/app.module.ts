import { Module } from '@nestjs/common';
import { DigestModule } from './digest/digest.module';
import { NotificationSettingsModule } from './notification-settings/notification-settings.module';

/**
 * The work-queue service: every signal of polku on a named person's desk, each path on its
 * worker's caseload, and the e-mail digest of both (docs/work-queue.md, ADR 0017). A read model
 * fed by events, rebuildable by replay. Feature modules are added here as they are built;
 * health, database and NATS come from ServiceRuntimeModule.
 */
@Module({
  imports: [NotificationSettingsModule, DigestModule],
})
export class AppModule {}
