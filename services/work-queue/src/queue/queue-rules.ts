import { hasRole, type Principal, type UserRole } from '@polku/auth';
import type { WorkQueueScope } from '@polku/contracts';
import { CommandValidationError, ForbiddenCommandError } from '@polku/service-runtime';
import { finnishDateOf } from '@polku/timers';

/** The name of the queue's one ordering, checked in its cursors. */
export const QUEUE_SORT = 'due_date,item_id';

/**
 * Who may read which queue (docs/work-queue.md, scopes): MINE caseworkers and team leads (the
 * roles that work with clients), TEAM team leads, ORGANISATION managers.
 */
const SCOPE_ROLES: Readonly<Record<WorkQueueScope, readonly UserRole[]>> = {
  MINE: ['CASEWORKER', 'TEAM_LEAD'],
  TEAM: ['TEAM_LEAD'],
  ORGANISATION: ['MANAGER'],
};

/** Every scope the caller may read: what markItemsRead looks an item up in. */
export function scopesOf(principal: Principal): WorkQueueScope[] {
  return (Object.keys(SCOPE_ROLES) as WorkQueueScope[]).filter((scope) =>
    hasRole(principal, ...SCOPE_ROLES[scope]),
  );
}

/**
 * The scope a list reads: the one asked for (MINE by default) when the caller's role allows it,
 * else the house's refusal of a forbidden role (403). A worker filter narrows a team's or an
 * organisation's queue only: one's own queue is one's own (400).
 */
export function requireScope(
  principal: Principal,
  requested: WorkQueueScope | undefined,
  workerId: string | undefined,
): WorkQueueScope {
  const scope = requested ?? 'MINE';
  if (!hasRole(principal, ...SCOPE_ROLES[scope])) {
    throw new ForbiddenCommandError(
      scope === 'MINE'
        ? 'only caseworkers and team leads have a work queue of their own'
        : scope === 'TEAM'
          ? 'only a team lead reads the team’s queue'
          : 'only a manager reads the organisation’s queue',
    );
  }
  if (workerId !== undefined && scope === 'MINE') {
    throw new CommandValidationError('workerId: only with scope TEAM or ORGANISATION');
  }
  return scope;
}

/** Today in Finland (Europe/Helsinki), YYYY-MM-DD: what "overdue" is measured against. */
export function finnishToday(now: Date = new Date()): string {
  return finnishDateOf(now);
}

/** An item (or a path's next step) is overdue when its due date is before today in Finland. */
export function isOverdue(dueDate: string | null | undefined, today: string): boolean {
  return typeof dueDate === 'string' && dueDate < today;
}

/**
 * The position of an item in its queue: overdue first, then by due date, no date last. Every
 * overdue date is before every other, so this is the due date itself, with no date as infinity;
 * the item id breaks ties (the cursor's id).
 */
export function queueSortKey(dueDate: string | null | undefined): string {
  return typeof dueDate === 'string' ? dueDate : 'infinity';
}
