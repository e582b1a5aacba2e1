import { eventBatchController } from '@polku/messaging';
import { DASHBOARDS_EVENT_SUBJECTS } from './dashboards-subjects';
import { projectDashboards } from './project-dashboards';

/**
 * The dashboards' consumer: one @EventBatchPattern handler per subject, each applying its batch
 * in the consumer's transaction (the inbox rows and the facts commit together). An event that
 * breaks its contract never reaches it: the consumer keeps it as a dead letter.
 */
export const DashboardsEventsHandler = eventBatchController({
  subjects: DASHBOARDS_EVENT_SUBJECTS,
  handle: (events, em) =>
    projectDashboards(
      em,
      events.map((event) => event.envelope),
    ),
});
