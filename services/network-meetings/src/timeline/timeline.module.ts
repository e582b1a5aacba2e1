import { Module } from '@nestjs/common';
import { NetworkMeetingsConfigModule } from '../config/network-meetings-config.module';
import { DecisionLinkService } from './decisions/decision-link.service';
import { TimelineEventsHandler } from './timeline-events.handler';
import { TimelineReader } from './timeline-reader.service';
import { TimelineHandler } from './timeline.handler';

/** The shared timeline of each path: a projection of every event of every service. */
@Module({
  imports: [NetworkMeetingsConfigModule],
  controllers: [TimelineEventsHandler, TimelineHandler],
  providers: [TimelineReader, DecisionLinkService],
})
export class TimelineModule {}
