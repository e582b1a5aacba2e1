import { Module } from '@nestjs/common';
import { ParkingModule } from '../parking/parking.module';
import { PathEngineModule } from '../path-engine/path-engine.module';
import { IntakeEventsHandler } from './intake-events.handler';
import { MeetingEventsHandler } from './meeting-events.handler';
import { PathEventFeed } from './path-event-feed';
import { ParkedEventRetry } from './parked-event-retry';
import { PlanEventsHandler } from './plan-events.handler';

/**
 * client-intake's and activation-plans' events that move a path (referral, intake, plan,
 * measures, a return) and feed the access projection, in whatever order they arrive; and
 * network-meetings' meetings, whose invited organisations are parties while they last and whose
 * held transition meetings tick a hand-off's checklist. An event that comes before one it follows
 * is parked until the path can absorb it (../parking).
 */
@Module({
  imports: [PathEngineModule, ParkingModule],
  controllers: [IntakeEventsHandler, PlanEventsHandler, MeetingEventsHandler],
  providers: [PathEventFeed, ParkedEventRetry],
})
export class PathEventsModule {}
