import { Injectable } from '@nestjs/common';
import { ACTION_ITEM_OVERDUE_V1, ESCALATION_LEVELS, type EscalationLevel } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { clientRefOfPath } from '@polku/path-access';
import { businessDaysBetween, finnishDateOf, type FiringTimer } from '@polku/timers';
import type { EntityManager } from 'typeorm';
import { isAbove, nextRung } from './action-item-rules';
import { actionItemByIdForUpdate, markEscalated } from './action-item.repository';
import { EscalationTimers, type EscalationTimerPayload } from './escalation-timers';
import { ACTION_ITEM_TIMER_EMITTER } from './system-emitter';

function payloadOf(timer: FiringTimer): EscalationTimerPayload {
  const { actionItemId, pathId, dueDate, level } = timer.payload;
  if (
    typeof actionItemId !== 'string' ||
    typeof pathId !== 'string' ||
    typeof dueDate !== 'string' ||
    !ESCALATION_LEVELS.includes(level as EscalationLevel)
  ) {
    // Thrown, so the timer stays SCHEDULED and shows in the poller's backlog as failing.
    throw new Error(`escalation timer ${timer.key} has no actionItemId, pathId, dueDate and level`);
  }
  return { actionItemId, pathId, dueDate, level: level as EscalationLevel };
}

/**
 * What an action item's escalation timer does when it fires, in the poller's transaction: the
 * item climbs one rung (ActionItemOverdue, an outbox row that commits with the FIRED mark) and
 * the next rung is set, unless this was the manager's. A completed item, or a rung already
 * reached, writes nothing: each rung is climbed at most once.
 */
@Injectable()
export class EscalationTimerHandlers {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly timers: EscalationTimers,
  ) {}

  async onOverdue(em: EntityManager, timer: FiringTimer): Promise<void> {
    const rung = payloadOf(timer);
    const item = await actionItemByIdForUpdate(em, rung.actionItemId);
    if (
      item === undefined ||
      item.completed_at !== null ||
      !isAbove(rung.level, item.escalation_level)
    ) {
      return;
    }
    await markEscalated(em, { actionItemId: item.id, level: rung.level });
    await this.outbox.append(em, ACTION_ITEM_OVERDUE_V1.subject, {
      pathId: item.path_id,
      clientRef: await clientRefOfPath(em, item.path_id),
      emitter: ACTION_ITEM_TIMER_EMITTER,
      correlationId: item.meeting_id ?? item.id,
      // The basis the item was assigned on: the owner's view of the path it was agreed under.
      ...(item.consent_ref === null
        ? { legalBasis: item.legal_basis ?? '' }
        : { consentRef: item.consent_ref }),
      data: {
        actionItemId: item.id,
        dueDate: item.due_date,
        level: rung.level,
        ownerOrgId: item.owner_org_id,
        ownerWorkerId: item.owner_worker_id,
        businessDaysOverdue: Math.max(
          0,
          businessDaysBetween(item.due_date, finnishDateOf(timer.firedAt)),
        ),
      },
    });
    const next = nextRung(rung.level);
    if (next !== undefined) {
      await this.timers.scheduleRung(em, { ...rung, level: next });
    }
  }
}
