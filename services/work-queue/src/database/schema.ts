import { MessagingTables1763900000000 } from '@polku/messaging';
import { NotificationSetting1766200000000 } from './migrations/1766200000000-notification-setting';

/** Every entity of this service, listed explicitly (bundling breaks globs). */
export const WORK_QUEUE_ENTITIES = [];

/** Every migration of this service, oldest first. Never edit one that has been merged. */
export const WORK_QUEUE_MIGRATIONS = [
  MessagingTables1763900000000,
  NotificationSetting1766200000000,
];
