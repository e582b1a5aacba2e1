import { Module } from '@nestjs/common';
import { ClockModule } from '../shared/clock.module';
import { NotificationSettingsHandler } from './notification-settings.handler';
import { NotificationSettingsService } from './notification-settings.service';

/** Each user's choice of e-mail notification: immediate, daily or none (docs/work-queue.md). */
@Module({
  imports: [ClockModule],
  controllers: [NotificationSettingsHandler],
  providers: [NotificationSettingsService],
})
export class NotificationSettingsModule {}
