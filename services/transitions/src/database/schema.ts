import { MessagingTables1763900000000 } from '@polku/messaging';
import {
  PathAccessMeetings1764102700000,
  PathAccessOwnership1764100200000,
  PathAccessConsentPurposes1764102800000,
  PathAccessReferralLinks1764101100000,
  PathAccessPlanParties1764100100000,
  PathAccessSourceTables1764100000000,
  PathClientRefTable1764100300000,
} from '@polku/path-access';
import { TimerTable1763950000000 } from '@polku/timers';
import { PathCourseTable1764400000000 } from './migrations/1764400000000-path-course-table';
import { ParkedEventTable1764900000000 } from './migrations/1764900000000-parked-event-table';

/** Every entity of this service, listed explicitly (bundling breaks globs). */
export const TRANSITIONS_ENTITIES = [];

/** Every migration of this service, oldest first. Never edit one that has been merged. */
export const TRANSITIONS_MIGRATIONS = [
  MessagingTables1763900000000,
  TimerTable1763950000000,
  PathAccessSourceTables1764100000000,
  PathAccessPlanParties1764100100000,
  PathAccessOwnership1764100200000,
  PathClientRefTable1764100300000,
  PathAccessReferralLinks1764101100000,
  PathAccessMeetings1764102700000,
  PathAccessConsentPurposes1764102800000,
  PathCourseTable1764400000000,
  ParkedEventTable1764900000000,
];
