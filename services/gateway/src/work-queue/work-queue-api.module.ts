import { Module } from '@nestjs/common';
import { ServiceClientModule } from '../service-client/service-client.module';
import { CaseloadController } from './caseload.controller';
import { NotificationSettingsController } from './notification-settings.controller';
import { WorkQueueController } from './work-queue.controller';

/** The gateway's endpoints for work-queue: the work queue, the caseload, notification settings. */
@Module({
  imports: [ServiceClientModule],
  controllers: [WorkQueueController, CaseloadController, NotificationSettingsController],
})
export class WorkQueueApiModule {}
