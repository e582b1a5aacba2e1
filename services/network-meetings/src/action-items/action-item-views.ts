import type { IsoDate } from '@polku/timers';
import { actionItemState } from './action-item-rules';
import type { ActionItemRow } from './action-item.repository';

/** An action item as the API shows it, with its state today and the rung it has climbed to. */
export function actionItemView(row: ActionItemRow, today: IsoDate) {
  return {
    actionItemId: row.id,
    pathId: row.path_id,
    meetingId: row.meeting_id,
    description: row.description,
    ownerOrgId: row.owner_org_id,
    ownerWorkerId: row.owner_worker_id,
    dueDate: row.due_date,
    assignedByOrgId: row.assigned_by_org_id,
    assignedAt: row.assigned_at.toISOString(),
    state: actionItemState(
      { ownerOrgId: row.owner_org_id, dueDate: row.due_date, completedAt: row.completed_at },
      today,
    ),
    escalationLevel: row.escalation_level,
    completedAt: row.completed_at?.toISOString() ?? null,
    completedByOrgId: row.completed_by_org_id,
    version: row.version,
  };
}
