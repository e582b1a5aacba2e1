import { Inject, Injectable, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { metrics, type Meter } from '@opentelemetry/api';
import { ParkedEventWatch } from './parked-event.watch';

/** Parked events: zero most of the time, a few for seconds while events cross. */
export const PARKED_EVENTS_METRIC = 'polku.paths.parked_events';
/** Parked events older than PARKED_EVENT_ALARM_AFTER_MINUTES: the alarm, zero when quiet. */
export const PARKED_EVENTS_OVERDUE_METRIC = 'polku.paths.parked_events.overdue';
/** Age of the oldest parked event. */
export const PARKED_EVENT_OLDEST_AGE_METRIC = 'polku.paths.parked_events.oldest_age';

/** Injection token of the meter, for tests; the process's global meter by default. */
export const PARKED_EVENTS_METER = Symbol('PARKED_EVENTS_METER');

/**
 * The parked events as observable gauges on the process's meter, read from the database each
 * time the meter provider collects (with no meter provider they are never read), as the lost
 * paths are (../lost-paths/lost-paths.metric.ts). An alert on the overdue gauge above zero is
 * the alarm (docs/runbook.md).
 */
@Injectable()
export class ParkedEventsMetric implements OnApplicationBootstrap {
  constructor(
    private readonly watch: ParkedEventWatch,
    @Optional()
    @Inject(PARKED_EVENTS_METER)
    private readonly meter: Meter = metrics.getMeter('polku.transitions'),
  ) {}

  onApplicationBootstrap(): void {
    const count = this.meter.createObservableGauge(PARKED_EVENTS_METRIC, {
      description: 'Events parked until the event they follow arrives',
      unit: '{event}',
    });
    const overdue = this.meter.createObservableGauge(PARKED_EVENTS_OVERDUE_METRIC, {
      description: 'Parked events older than PARKED_EVENT_ALARM_AFTER_MINUTES (the alarm)',
      unit: '{event}',
    });
    const oldestAge = this.meter.createObservableGauge(PARKED_EVENT_OLDEST_AGE_METRIC, {
      description: 'Age of the oldest parked event, 0 when none is parked',
      unit: 's',
    });
    this.meter.addBatchObservableCallback(
      async (result) => {
        const state = await this.watch.state();
        result.observe(count, state.count);
        result.observe(overdue, state.overdue);
        result.observe(oldestAge, state.oldestAgeSeconds);
      },
      [count, overdue, oldestAge],
    );
  }
}
