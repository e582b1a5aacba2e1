import { MessagingTables1763900000000 } from '@polku/messaging';
import { DashboardTables1766500000000 } from './migrations/1766500000000-dashboard-tables';

/** Every entity of this service, listed explicitly (bundling breaks globs). */
export const DASHBOARDS_ENTITIES = [];

/** Every migration of this service, oldest first. Never edit one that has been merged. */
export const DASHBOARDS_MIGRATIONS = [MessagingTables1763900000000, DashboardTables1766500000000];
