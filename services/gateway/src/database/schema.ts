import { MessagingTables1763900000000 } from '@polku/messaging';

/** Every entity of the gateway, listed explicitly (bundling breaks globs). */
export const GATEWAY_ENTITIES = [];

/** Every migration of the gateway, oldest first. Never edit one that has been merged. */
export const GATEWAY_MIGRATIONS = [MessagingTables1763900000000];
