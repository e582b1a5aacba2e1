/**
 * Request subjects of the work-queue service (the gateway is the only requester). The query and
 * command classes are in work-queue-queries.ts, caseload-queries.ts and
 * notification-settings-commands.ts; what lands where is in docs/work-queue.md.
 */
export const WORK_QUEUE_COMMANDS = {
  listWorkQueue: 'polku-rpc.work-queue.list-work-queue.v1',
  markItemsRead: 'polku-rpc.work-queue.mark-items-read.v1',
  listCaseload: 'polku-rpc.work-queue.list-caseload.v1',
  getCaseloadPath: 'polku-rpc.work-queue.get-caseload-path.v1',
  getNotificationSettings: 'polku-rpc.work-queue.get-notification-settings.v1',
  setNotificationSettings: 'polku-rpc.work-queue.set-notification-settings.v1',
} as const;
