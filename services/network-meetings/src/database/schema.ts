import { MessagingTables1763900000000 } from '@polku/messaging';

/** Every entity of this service, listed explicitly (bundling breaks globs). */
export const NETWORK_MEETINGS_ENTITIES = [];

/** Every migration of this service, oldest first. Never edit one that has been merged. */
export const NETWORK_MEETINGS_MIGRATIONS = [MessagingTables1763900000000];
