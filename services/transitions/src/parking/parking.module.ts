import { Module } from '@nestjs/common';
import { PathEngineModule } from '../path-engine/path-engine.module';
import { ParkedEventAlarmPoller } from './parked-event-alarm.poller';
import { ParkedEventWatch } from './parked-event.watch';
import { ParkedEventsMetric } from './parked-events.metric';

/**
 * Events parked until the event they follow arrives (../path-events/arrival-order.ts): their
 * table's SQL, and the alarm on a park older than PARKED_EVENT_ALARM_AFTER_MINUTES, as a metric
 * and an error log line. Parking and retrying themselves run in the consumer's transaction
 * (../path-events/path-event-feed.ts, parked-event-retry.ts).
 */
@Module({
  // For TransitionsConfig (path-engine/transitions-config.ts).
  imports: [PathEngineModule],
  providers: [ParkedEventWatch, ParkedEventAlarmPoller, ParkedEventsMetric],
  exports: [ParkedEventWatch],
})
export class ParkingModule {}
