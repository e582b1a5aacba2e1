import { MessagingTables1763900000000 } from '@polku/messaging';
import { DashboardProjectionTables1766500000000 } from './migrations/1766500000000-dashboard-projection-tables';
import { FactIndexesWithPath1766500100000 } from './migrations/1766500100000-fact-indexes-with-path';
import { FactClientMarks1766500200000 } from './migrations/1766500200000-fact-client-marks';
import { RegionFactCells1766500300000 } from './migrations/1766500300000-region-fact-cells';
import { FactPreviousDays1766500400000 } from './migrations/1766500400000-fact-previous-days';
import { DashboardFactAutovacuum1766500500000 } from './migrations/1766500500000-dashboard-fact-autovacuum';
import { MonthCellHistogramIndex1766500600000 } from './migrations/1766500600000-month-cell-histogram-index';
import { SliceFactCells1766500700000 } from './migrations/1766500700000-slice-fact-cells';

/** Every entity of this service, listed explicitly (bundling breaks globs). */
export const DASHBOARDS_ENTITIES = [];

/** Every migration of this service, oldest first. Never edit one that has been merged. */
export const DASHBOARDS_MIGRATIONS = [
  MessagingTables1763900000000,
  DashboardProjectionTables1766500000000,
  FactIndexesWithPath1766500100000,
  FactClientMarks1766500200000,
  RegionFactCells1766500300000,
  FactPreviousDays1766500400000,
  DashboardFactAutovacuum1766500500000,
  MonthCellHistogramIndex1766500600000,
  SliceFactCells1766500700000,
];

/**
 * The projection's tables, emptied by `rebuild-projection` before the replay
 * (docs/dashboards.md, "How the figures are kept"): every table of the service but the house's
 * inbox, outbox and dead letters.
 */
export const DASHBOARDS_PROJECTION_TABLES = [
  'path_event',
  'dashboard_fact',
  'dashboard_day_cell',
  'dashboard_month_cell',
  'dashboard_slice_day_cell',
  'dashboard_slice_month_cell',
] as const;
