import { MessagingTables1763900000000 } from '@polku/messaging';
import {
  PathAccessMeetings1764102700000,
  PathAccessOwnership1764100200000,
  PathAccessConsentPurposes1764102800000,
  PathAccessReferralLinks1764101100000,
  PathAccessPlanParties1764100100000,
  PathAccessSourceTables1764100000000,
} from '@polku/path-access';
import { AuditTrail1764000000000 } from './migrations/1764000000000-audit-trail';
import { IdempotencyRecords1764000400000 } from './migrations/1764000400000-idempotency-records';
import { AuditDisclosures1764000500000 } from './migrations/1764000500000-audit-disclosures';
import { IdempotencyRecord } from '../http/idempotency/idempotency-record.entity';

/** Every entity of the gateway, listed explicitly (bundling breaks globs). */
export const GATEWAY_ENTITIES = [IdempotencyRecord];

/** Every migration of the gateway, oldest first. Never edit one that has been merged. */
export const GATEWAY_MIGRATIONS = [
  MessagingTables1763900000000,
  AuditTrail1764000000000,
  IdempotencyRecords1764000400000,
  AuditDisclosures1764000500000,
  PathAccessSourceTables1764100000000,
  PathAccessPlanParties1764100100000,
  PathAccessOwnership1764100200000,
  PathAccessReferralLinks1764101100000,
  PathAccessMeetings1764102700000,
  PathAccessConsentPurposes1764102800000,
];
