import { Module } from '@nestjs/common';
import { WorkQueueEventsHandler } from './work-queue-events.handler';

/** The work queue and caseload read model, fed by the events of four services. */
@Module({ controllers: [WorkQueueEventsHandler] })
export class ProjectionModule {}
