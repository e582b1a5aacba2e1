import { type ActionItemState, ESCALATION_LEVELS, type EscalationLevel } from '@polku/contracts';
import {
  CommandConflictError,
  CommandValidationError,
  ForbiddenCommandError,
} from '@polku/service-runtime';
import { addBusinessDays, addCalendarDays, type IsoDate } from '@polku/timers';

/** What the rules need to know of a stored action item. */
export interface ActionItemFacts {
  readonly ownerOrgId: string;
  readonly dueDate: IsoDate;
  readonly completedAt: Date | null;
}

/** ASSIGNED until done; OVERDUE once its due date has passed undone; COMPLETED when done. */
export function actionItemState(item: ActionItemFacts, today: IsoDate): ActionItemState {
  if (item.completedAt !== null) {
    return 'COMPLETED';
  }
  return item.dueDate < today ? 'OVERDUE' : 'ASSIGNED';
}

/**
 * The Finnish day an overdue item reaches `level` of its ladder: the worker the day after the due
 * date, then each rung `stepBusinessDays` Finnish business days later (as NextStepOverdue climbs).
 */
export function rungDate(
  dueDate: IsoDate,
  level: EscalationLevel,
  stepBusinessDays: number,
): IsoDate {
  const rung = ESCALATION_LEVELS.indexOf(level);
  return addCalendarDays(addBusinessDays(dueDate, rung * stepBusinessDays), 1);
}

/** The rung above `level`, or undefined at the top (the manager). */
export function nextRung(level: EscalationLevel): EscalationLevel | undefined {
  return ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(level) + 1];
}

/** Whether `level` is above the one the item has reached (null: not escalated yet). */
export function isAbove(level: EscalationLevel, reached: EscalationLevel | null): boolean {
  return reached === null || ESCALATION_LEVELS.indexOf(level) > ESCALATION_LEVELS.indexOf(reached);
}

/** Only the owner organisation completes its next step, and only once (409 after that). */
export function assertMayComplete(item: ActionItemFacts, orgId: string): void {
  if (item.ownerOrgId !== orgId) {
    throw new ForbiddenCommandError('only the owner organisation may complete the action item');
  }
  if (item.completedAt !== null) {
    throw new CommandConflictError('the action item is already completed');
  }
}

/** A next step is agreed for today or later: one already late would start its ladder at once. */
export function assertDueNotPast(dueDate: IsoDate, today: IsoDate, field = 'dueDate'): void {
  if (dueDate < today) {
    throw new CommandValidationError(`${field}: ${dueDate} is before today (${today})`);
  }
}
