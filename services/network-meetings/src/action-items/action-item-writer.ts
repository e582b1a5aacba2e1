import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ACTION_ITEM_ASSIGNED_V1, type AgreedNextStepInput } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import type { PathEventEnvelope } from '@polku/path-access';
import type { EntityManager } from 'typeorm';
import { type ActionItemRow, insertActionItem } from './action-item.repository';
import { EscalationTimers } from './escalation-timers';

/**
 * Writes one agreed next step in the caller's transaction: its row, its ActionItemAssigned and
 * the worker's rung of its ladder. Shared by a step assigned on its own and the steps a meeting
 * record agrees.
 */
@Injectable()
export class ActionItemWriter {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly timers: EscalationTimers,
  ) {}

  async assign(
    em: EntityManager,
    request: {
      readonly envelope: PathEventEnvelope;
      readonly step: AgreedNextStepInput;
      readonly meetingId: string | null;
      readonly assignedByOrgId: string;
      readonly at: Date;
    },
  ): Promise<ActionItemRow> {
    const { envelope, step, meetingId, at } = request;
    const item = await insertActionItem(em, {
      id: randomUUID(),
      pathId: envelope.pathId,
      meetingId,
      description: step.description,
      ownerOrgId: step.ownerOrgId,
      ownerWorkerId: step.ownerWorkerId,
      dueDate: step.dueDate,
      assignedByOrgId: request.assignedByOrgId,
      assignedAt: at,
      consentRef: envelope.consentRef ?? null,
      legalBasis: envelope.legalBasis ?? null,
    });
    await this.outbox.append(em, ACTION_ITEM_ASSIGNED_V1.subject, {
      ...envelope,
      correlationId: meetingId ?? item.id,
      occurredAt: at,
      data: {
        actionItemId: item.id,
        ...(meetingId === null ? {} : { meetingId }),
        description: step.description,
        ownerOrgId: step.ownerOrgId,
        ownerWorkerId: step.ownerWorkerId,
        dueDate: step.dueDate,
      },
    });
    await this.timers.scheduleRung(em, {
      actionItemId: item.id,
      pathId: envelope.pathId,
      dueDate: step.dueDate,
      level: 'WORKER',
    });
    return item;
  }
}
