import { eventBatchController } from '@polku/messaging';
import { projectTimeline } from './timeline-projection';
import { TIMELINE_ONLY_SUBJECTS } from './timeline-subjects';

/**
 * The timeline's consumer of every event the access projection does not consume: one
 * @EventBatchPattern handler per subject of TIMELINE_ONLY_SUBJECTS, each putting its batch on
 * the timeline.
 */
export const TimelineEventsHandler = eventBatchController({
  subjects: TIMELINE_ONLY_SUBJECTS,
  handle: (events, em) =>
    projectTimeline(
      em,
      events.map((event) => event.envelope),
    ),
});
