import { CONSUMED_EVENT_SUBJECTS } from '@polku/bus-permissions';
import type { ReplayedProjection } from '@polku/testing';
import { WORK_QUEUE_MIGRATIONS, WORK_QUEUE_PROJECTION_TABLES } from '../../src/database/schema';

/** The work queue's projection, as `rebuild-projection --all-durables` empties it. */
export const WORK_QUEUE_PROJECTION: ReplayedProjection = {
  service: 'work-queue',
  migrations: WORK_QUEUE_MIGRATIONS,
  subjects: CONSUMED_EVENT_SUBJECTS['work-queue'],
  tables: WORK_QUEUE_PROJECTION_TABLES,
};
