import { CONSUMED_EVENT_SUBJECTS } from '@polku/bus-permissions';

/**
 * The subjects the dashboards consume, one durable consumer each. Declared in
 * libs/bus-permissions (the server configuration needs no service code).
 */
export const DASHBOARDS_EVENT_SUBJECTS: readonly string[] = CONSUMED_EVENT_SUBJECTS['dashboards'];
