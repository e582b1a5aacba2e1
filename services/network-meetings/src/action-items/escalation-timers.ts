import { Injectable } from '@nestjs/common';
import { NetworkMeetingsConfig } from '@polku/config';
import { ESCALATION_LEVELS, type EscalationLevel } from '@polku/contracts';
import { startOfFinnishDay, TimerScheduler, type IsoDate } from '@polku/timers';
import type { EntityManager } from 'typeorm';
import { rungDate } from './action-item-rules';

export const ACTION_ITEM_OVERDUE = 'action-item-overdue';

/** An escalation timer's payload: ids, the due date and the rung, as every timer row. */
export interface EscalationTimerPayload {
  readonly actionItemId: string;
  readonly pathId: string;
  readonly dueDate: IsoDate;
  readonly level: EscalationLevel;
}

// One key per rung, so each rung fires at most once and completing cancels every one of them.
export const escalationKey = (actionItemId: string, level: EscalationLevel) =>
  `${ACTION_ITEM_OVERDUE}:${actionItemId}:${level}`;

/**
 * The ladder of an action item on durable timers, in the caller's transaction: the worker's rung
 * at the start of the day after the due date (Finnish time), then one rung every
 * ACTION_ITEM_ESCALATION_BUSINESS_DAYS Finnish business days; completion cancels them.
 */
@Injectable()
export class EscalationTimers {
  constructor(
    private readonly scheduler: TimerScheduler,
    private readonly config: NetworkMeetingsConfig,
  ) {}

  async scheduleRung(em: EntityManager, payload: EscalationTimerPayload): Promise<void> {
    const day = rungDate(
      payload.dueDate,
      payload.level,
      this.config.ACTION_ITEM_ESCALATION_BUSINESS_DAYS,
    );
    await this.scheduler.schedule(em, {
      kind: ACTION_ITEM_OVERDUE,
      key: escalationKey(payload.actionItemId, payload.level),
      dueAt: startOfFinnishDay(day),
      payload: { ...payload },
    });
  }

  /** Cancels whichever rung is pending (the others have fired or were never set). */
  async cancelAll(em: EntityManager, actionItemId: string): Promise<void> {
    for (const level of ESCALATION_LEVELS) {
      await this.scheduler.cancel(em, escalationKey(actionItemId, level));
    }
  }
}
