import { MessagingTables1763900000000 } from '@polku/messaging';
import {
  PathAccessMeetings1764102700000,
  PathAccessOwnership1764100200000,
  PathAccessPlanParties1764100100000,
  PathAccessSourceTables1764100000000,
  PathAccessConsentPurposes1764102800000,
} from '@polku/path-access';
import { IntakeTables1764100000000 } from './migrations/1764100000000-intake-tables';
import { PriorInformationAndParallelServices1764100100000 } from './migrations/1764100100000-prior-information-and-parallel-services';
import { ConsentAndReferralRules1764100500000 } from './migrations/1764100500000-consent-and-referral-rules';
import { OrganisationRegistryAudit1764100900000 } from './migrations/1764100900000-organisation-registry-audit';
import { ListKeysetIndexes1764101500000 } from './migrations/1764101500000-list-keyset-indexes';
import { ActionItemVersion1764101600000 } from './migrations/1764101600000-action-item-version';
import { UnverifiedClientIdentities1764102000000 } from './migrations/1764102000000-unverified-client-identities';

/** Every entity of this service, listed explicitly (bundling breaks globs). */
export const CLIENT_INTAKE_ENTITIES = [];

/**
 * Every migration of this service, oldest first (TypeORM orders them by timestamp, so the shared
 * path-access ones sit among this service's own). Never edit one that has been merged.
 */
export const CLIENT_INTAKE_MIGRATIONS = [
  MessagingTables1763900000000,
  IntakeTables1764100000000,
  PathAccessSourceTables1764100000000,
  PriorInformationAndParallelServices1764100100000,
  PathAccessPlanParties1764100100000,
  PathAccessOwnership1764100200000,
  ConsentAndReferralRules1764100500000,
  OrganisationRegistryAudit1764100900000,
  ListKeysetIndexes1764101500000,
  ActionItemVersion1764101600000,
  UnverifiedClientIdentities1764102000000,
  PathAccessMeetings1764102700000,
  PathAccessConsentPurposes1764102800000,
];
