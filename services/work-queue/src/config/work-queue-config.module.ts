import { Module } from '@nestjs/common';
import { WorkQueueConfig } from '@polku/config';
import { WORK_QUEUE_CONFIG_PROVIDER } from './work-queue-config';

/** WorkQueueConfig by type, for the features that read the digest's SMTP server and schedule. */
@Module({
  providers: [WORK_QUEUE_CONFIG_PROVIDER],
  exports: [WorkQueueConfig],
})
export class WorkQueueConfigModule {}
