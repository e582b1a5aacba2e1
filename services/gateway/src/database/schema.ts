import { MessagingTables1763900000000 } from '@polku/messaging';
import { AuditTrail1764000000000 } from './migrations/1764000000000-audit-trail';
import { PathAccess1764000100000 } from './migrations/1764000100000-path-access';
import { PathAccessBySource1764000500000 } from './migrations/1764000500000-path-access-by-source';
import { IdempotencyRecords1764000400000 } from './migrations/1764000400000-idempotency-records';
import { IdempotencyRecord } from '../http/idempotency/idempotency-record.entity';

/** Every entity of the gateway, listed explicitly (bundling breaks globs). */
export const GATEWAY_ENTITIES = [IdempotencyRecord];

/** Every migration of the gateway, oldest first. Never edit one that has been merged. */
export const GATEWAY_MIGRATIONS = [
  MessagingTables1763900000000,
  AuditTrail1764000000000,
  PathAccess1764000100000,
  IdempotencyRecords1764000400000,
  PathAccessBySource1764000500000,
];
