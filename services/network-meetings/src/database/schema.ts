import { MessagingTables1763900000000 } from '@polku/messaging';
import {
  PathAccessMeetings1764102700000,
  PathAccessOwnership1764100200000,
  PathAccessPlanParties1764100100000,
  PathAccessConsentPurposes1764102800000,
  PathAccessReferralLinks1764101100000,
  PathAccessSourceTables1764100000000,
  PathClientRefTable1764100300000,
} from '@polku/path-access';
import { TimerTable1763950000000 } from '@polku/timers';
import { MeetingTables1764500000000 } from './migrations/1764500000000-meeting-tables';
import { TimelineEntry1765100000000 } from './migrations/1765100000000-timeline-entry';

/** Every entity of this service, listed explicitly (bundling breaks globs). */
export const NETWORK_MEETINGS_ENTITIES = [];

/** Every migration of this service, oldest first. Never edit one that has been merged. */
export const NETWORK_MEETINGS_MIGRATIONS = [
  MessagingTables1763900000000,
  TimerTable1763950000000,
  PathAccessSourceTables1764100000000,
  PathAccessPlanParties1764100100000,
  PathAccessOwnership1764100200000,
  PathClientRefTable1764100300000,
  PathAccessReferralLinks1764101100000,
  PathAccessMeetings1764102700000,
  PathAccessConsentPurposes1764102800000,
  MeetingTables1764500000000,
  TimelineEntry1765100000000,
];
