import {
  WORK_ITEM_KINDS,
  type EscalationLevel,
  type NextStepKind,
  type WorkItemKind,
  type WorkItemView,
  type WorkQueueCounts,
} from '@polku/contracts';
import { isOverdue } from './queue-rules';
import type { QueueCountRow, QueueRow } from './work-queue.repository';

/**
 * An open item as the caller sees it: ids, kinds, dates and who it is for; never client data
 * (the table holds none).
 */
export function workItemView(row: QueueRow, today: string): WorkItemView {
  const role =
    row.audience === 'TEAM_LEAD' || row.audience === 'MANAGER' ? row.audience : undefined;
  return {
    itemId: row.item_id,
    kind: row.kind as WorkItemKind,
    pathId: row.path_id,
    signal: row.signal,
    ...(row.subject_id === null ? {} : { subjectId: row.subject_id }),
    ...(row.next_step === null ? {} : { nextStep: row.next_step as NextStepKind }),
    ...(row.level === null ? {} : { level: row.level as EscalationLevel }),
    ...(row.due_date === null ? {} : { dueDate: row.due_date }),
    overdue: isOverdue(row.due_date, today),
    lost: row.lost,
    recipient: {
      orgId: row.org_id,
      ...(row.audience === 'WORKER' && row.worker_id !== null ? { workerId: row.worker_id } : {}),
      ...(role === undefined ? {} : { role }),
    },
    openedAt: new Date(row.opened_at).toISOString(),
    unread: row.unread,
  };
}

/** The counts of a queue from its per-kind rows; every kind is present, zero when none. */
export function workQueueCounts(rows: readonly QueueCountRow[]): WorkQueueCounts {
  const byKind = Object.fromEntries(WORK_ITEM_KINDS.map((kind) => [kind, 0])) as Record<
    WorkItemKind,
    number
  >;
  let total = 0;
  let overdue = 0;
  let unread = 0;
  for (const row of rows) {
    byKind[row.kind as WorkItemKind] = row.total;
    total += row.total;
    overdue += row.overdue;
    unread += row.unread;
  }
  return { total, overdue, unread, byKind };
}
