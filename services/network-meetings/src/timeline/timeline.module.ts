import { Module } from '@nestjs/common';
import { TimelineEventsHandler } from './timeline-events.handler';

/** The shared timeline of each path: a projection of every event of every service. */
@Module({ controllers: [TimelineEventsHandler] })
export class TimelineModule {}
