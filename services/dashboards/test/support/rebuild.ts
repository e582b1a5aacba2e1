import { CONSUMED_EVENT_SUBJECTS } from '@polku/bus-permissions';
import type { ReplayedProjection } from '@polku/testing';
import { DASHBOARDS_MIGRATIONS, DASHBOARDS_PROJECTION_TABLES } from '../../src/database/schema';

/** The dashboards' projection, as `rebuild-projection --all-durables` empties it. */
export const DASHBOARDS_PROJECTION: ReplayedProjection = {
  service: 'dashboards',
  migrations: DASHBOARDS_MIGRATIONS,
  subjects: CONSUMED_EVENT_SUBJECTS.dashboards,
  tables: DASHBOARDS_PROJECTION_TABLES,
};
