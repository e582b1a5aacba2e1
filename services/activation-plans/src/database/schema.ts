import { MessagingTables1763900000000 } from '@polku/messaging';
import {
  PathAccessMeetings1764102700000,
  PathAccessOwnership1764100200000,
  PathAccessConsentPurposes1764102800000,
  PathAccessReferralLinks1764101100000,
  PathAccessPlanParties1764100100000,
  PathAccessSourceTables1764100000000,
} from '@polku/path-access';
import { TimerTable1763950000000 } from '@polku/timers';
import { PlanTables1764200000000 } from './migrations/1764200000000-plan-tables';
import { MeasureAndStatementTables1764200100000 } from './migrations/1764200100000-measure-and-statement-tables';
import { MeasureAndStatementVersions1764200500000 } from './migrations/1764200500000-measure-and-statement-versions';
import { PathStageTables1764201000000 } from './migrations/1764201000000-path-stage-tables';

/** Every entity of this service, listed explicitly (bundling breaks globs). */
export const ACTIVATION_PLANS_ENTITIES = [];

/** Every migration of this service, oldest first. Never edit one that has been merged. */
export const ACTIVATION_PLANS_MIGRATIONS = [
  MessagingTables1763900000000,
  TimerTable1763950000000,
  PathAccessSourceTables1764100000000,
  PathAccessPlanParties1764100100000,
  PathAccessOwnership1764100200000,
  PathAccessReferralLinks1764101100000,
  PathAccessMeetings1764102700000,
  PathAccessConsentPurposes1764102800000,
  PlanTables1764200000000,
  MeasureAndStatementTables1764200100000,
  MeasureAndStatementVersions1764200500000,
  PathStageTables1764201000000,
];
