import { WORK_QUEUE_SCOPES } from '@polku/contracts';
import { SCOPE_ROLES } from '../queue/queue-rules';
import { scopeCondition, unreadOf } from '../queue/work-queue.repository';

/**
 * SQL references of one reader inside a query: expressions (column names or parameters, never
 * values) for the user id, their organisation and their roles (text[]).
 */
export interface ReaderRefs {
  readonly userId: string;
  readonly orgId: string;
  readonly roles: string;
}

/**
 * The condition "open item i (of the open_work_item view) is in one of the reader's queues":
 * the queue's own scope rules (queue/work-queue.repository.ts) for each scope the reader's roles
 * open (queue/queue-rules.ts), always in the reader's own organisation. The digest counts what
 * the queue shows, by construction.
 */
export function readerQueuesSql(reader: ReaderRefs): string {
  const scopes = WORK_QUEUE_SCOPES.map((scope) => {
    const roles = SCOPE_ROLES[scope].map((role) => `'${role}'`).join(', ');
    return `(${reader.roles} && ARRAY[${roles}]::text[] AND ${scopeCondition(scope, () => reader.userId)})`;
  });
  return `(i.org_id = ${reader.orgId} AND (${scopes.join(' OR ')}))`;
}

/** Not read by the reader since the item (re)opened: the queue's own unread rule. */
export function unreadBySql(userId: string): string {
  return unreadOf(userId);
}
