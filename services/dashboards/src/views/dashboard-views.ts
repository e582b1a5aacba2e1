import type { DashboardViewName } from '@polku/contracts';
import type { DashboardView } from './dashboard-view';
import { declineReasonsView } from './decline-reasons.view';
import { destinationsView } from './destinations.view';
import { flowsView } from './flows.view';
import { followUpStatusView } from './follow-up-status.view';
import { followUpsView } from './follow-ups.view';
import { fragmentationView } from './fragmentation.view';
import { goalAttainmentView } from './goal-attainment.view';
import { openPathsView } from './open-paths.view';
import { overdueTrendsView } from './overdue-trends.view';
import { reentryView } from './re-entry.view';
import { sustainedExitsView } from './sustained-exits.view';
import { timeInStepView } from './time-in-step.view';
import { waitingView } from './waiting.view';

/** Every view of DASHBOARD_VIEWS by name (docs/dashboards.md defines each). */
export const DASHBOARD_VIEW_READERS: Readonly<Record<DashboardViewName, DashboardView>> = {
  destinations: destinationsView,
  'follow-up-status': followUpStatusView,
  'sustained-exits': sustainedExitsView,
  flows: flowsView,
  'time-in-step': timeInStepView,
  waiting: waitingView,
  'decline-reasons': declineReasonsView,
  'open-paths': openPathsView,
  'overdue-trends': overdueTrendsView,
  'follow-ups': followUpsView,
  're-entry': reentryView,
  fragmentation: fragmentationView,
  'goal-attainment': goalAttainmentView,
};
