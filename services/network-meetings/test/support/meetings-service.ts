import { startTimelineService, timelineTestConfig, type TimelineService } from './timeline-service';

/** network-meetings running in the test process on its own database and NATS namespace. */
export type MeetingsService = TimelineService;

/** The service for the command tests: the same as the timeline's, with timers driven by hand. */
export function startMeetingsService(env: Record<string, string> = {}): Promise<MeetingsService> {
  // A long poll interval: the tests drive the escalation timers with fireDue() themselves.
  return startTimelineService(timelineTestConfig({ TIMER_POLL_INTERVAL_MS: '60000', ...env }));
}

/** The outbox rows of one subject on a path, oldest first. */
export { outboxEvents, type WrittenEvent } from '@polku/testing';
