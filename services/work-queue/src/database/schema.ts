import { MessagingTables1763900000000 } from '@polku/messaging';
import { WorkQueueTables1766100000000 } from './migrations/1766100000000-work-queue-tables';
import { NotificationSetting1766200000000 } from './migrations/1766200000000-notification-setting';
import { ItemNotified1766300000000 } from './migrations/1766300000000-item-notified';
import { OpenWorkItemByOrg1766400000000 } from './migrations/1766400000000-open-work-item-by-org';

/** Every entity of this service, listed explicitly (bundling breaks globs). */
export const WORK_QUEUE_ENTITIES = [];

/** Every migration of this service, oldest first. Never edit one that has been merged. */
export const WORK_QUEUE_MIGRATIONS = [
  MessagingTables1763900000000,
  WorkQueueTables1766100000000,
  NotificationSetting1766200000000,
  ItemNotified1766300000000,
  OpenWorkItemByOrg1766400000000,
];

/**
 * The projection's tables, emptied by `rebuild-projection` before the replay (docs/work-queue.md).
 * Not item_read, item_notified nor notification_setting: they are the users' own records, and an
 * item keeps its id across a rebuild (derived from its key), so a read marker still finds it and
 * a replayed item is not news to a user told of it (no burst of immediate mails).
 */
export const WORK_QUEUE_PROJECTION_TABLES = [
  'work_item',
  'path_card',
  'path_step',
  'path_measure',
  'path_party',
  'path_plan',
] as const;
