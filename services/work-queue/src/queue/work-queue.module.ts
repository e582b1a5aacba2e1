import { Module } from '@nestjs/common';
import { WorkQueueHandler } from './work-queue.handler';
import { WorkQueueService } from './work-queue.service';

/** The work queues of caseworkers, team leads and managers, read from the projection. */
@Module({ controllers: [WorkQueueHandler], providers: [WorkQueueService] })
export class WorkQueueModule {}
