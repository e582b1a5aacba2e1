import { eventBatchController } from '@polku/messaging';
import { projectWorkQueue } from './work-queue-projection';
import { WORK_QUEUE_EVENT_SUBJECTS } from './work-queue-subjects';

/**
 * The work queue's consumer: one @EventBatchPattern handler per subject it consumes, each
 * putting its batch on the queue and the caseload in the consumer's transaction (the inbox row
 * and the effects commit together).
 */
export const WorkQueueEventsHandler = eventBatchController({
  subjects: WORK_QUEUE_EVENT_SUBJECTS,
  handle: (events, em) =>
    projectWorkQueue(
      em,
      events.map((event) => event.envelope),
    ),
});
