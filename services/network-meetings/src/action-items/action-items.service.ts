import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import { ACTION_ITEM_COMPLETED_V1, type AssignActionItemCommand } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { PreconditionFailedError, retriedTransaction } from '@polku/persistence';
import { callerEnvelope, checkPathAccess, clientRefOfPath } from '@polku/path-access';
import { NotFoundError } from '@polku/service-runtime';
import { finnishDateOf } from '@polku/timers';
import { DataSource } from 'typeorm';
import { assertDueNotPast, assertMayComplete } from './action-item-rules';
import { actionItemView } from './action-item-views';
import { ActionItemWriter } from './action-item-writer';
import { actionItemForUpdate, markActionItemCompleted } from './action-item.repository';
import { EscalationTimers } from './escalation-timers';

/** Agreed next steps outside a meeting, and their completion by the owner organisation. */
@Injectable()
export class ActionItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly writer: ActionItemWriter,
    private readonly timers: EscalationTimers,
  ) {}

  async assign(
    principal: Principal,
    request: { pathId: string; command: AssignActionItemCommand },
  ) {
    const { pathId, command } = request;
    const today = finnishDateOf(new Date());
    assertDueNotPast(command.dueDate, today);
    return retriedTransaction(this.dataSource, async (em) => {
      // PLAN: an agreed next step is plan data (ActionItemAssigned), so its writer needs cover.
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PLAN' });
      const item = await this.writer.assign(em, {
        envelope: callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
        }),
        step: command,
        meetingId: null,
        assignedByOrgId: principal.orgId,
        at: new Date(),
      });
      return actionItemView(item, today);
    });
  }

  async complete(
    principal: Principal,
    request: { pathId: string; actionItemId: string; expectedVersion: number },
  ) {
    const { pathId, actionItemId, expectedVersion } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
      const item = await actionItemForUpdate(em, { pathId, actionItemId });
      if (item === undefined) {
        throw new NotFoundError('no such action item');
      }
      // Compared under the lock: the version the caller read (If-Match) is still the current one.
      if (item.version !== expectedVersion) {
        throw new PreconditionFailedError(expectedVersion, item.version);
      }
      assertMayComplete(
        { ownerOrgId: item.owner_org_id, dueDate: item.due_date, completedAt: item.completed_at },
        principal.orgId,
      );
      const completedAt = new Date();
      const done = await markActionItemCompleted(em, {
        actionItemId,
        completedAt,
        orgId: principal.orgId,
      });
      // In this transaction: no rung fires after the completion commits.
      await this.timers.cancelAll(em, actionItemId);
      await this.outbox.append(em, ACTION_ITEM_COMPLETED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
          correlationId: item.meeting_id ?? item.id,
        }),
        occurredAt: completedAt,
        data: { actionItemId, completedAt: completedAt.toISOString() },
      });
      return actionItemView(done, finnishDateOf(completedAt));
    });
  }
}
