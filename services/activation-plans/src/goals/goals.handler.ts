import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  GOAL_PROGRESS_RECORDED_V1,
  PLAN_COMMANDS,
  RecordGoalProgressCommand,
} from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { callerEnvelope, checkPathAccess, clientRefOfPath } from '@polku/path-access';
import {
  CommandConflictError,
  NotFoundError,
  type PathItemRequest,
  RequestPrincipal,
  requireItemId,
  requirePathId,
  RuleViolationError,
  validateCommand,
} from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { goalOfPath, insertGoalProgress } from '../plans/plan.repository';

/** Follow-up of a plan goal, with the GAS level reached when the goal has a scale. PLAN data. */
@Controller()
export class GoalsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  @MessagePattern(PLAN_COMMANDS.recordGoalProgress)
  async recordProgress(
    @Payload() request: PathItemRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const goalId = requireItemId(request, 'goal');
    const command = validateCommand(RecordGoalProgressCommand, request.body);
    return this.dataSource.transaction(async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PLAN' });
      const goal = await goalOfPath(em, pathId, goalId);
      if (goal === undefined) {
        throw new NotFoundError('no such goal');
      }
      if (goal.status === 'DROPPED') {
        throw new CommandConflictError('the goal was dropped from the plan');
      }
      if (command.gasLevel !== undefined && goal.gas_scale === null) {
        throw new RuleViolationError('the goal has no GAS scale', [
          {
            rule: 'GAS_SCALE_MISSING',
            field: 'gasLevel',
            message:
              'A GAS level can be recorded only for a goal whose five levels are described; describe them in a plan revision, or record the follow-up without a level.',
            legalSource: null,
          },
        ]);
      }
      const progressId = randomUUID();
      const recordedAt = new Date();
      await insertGoalProgress(em, {
        id: progressId,
        goalId,
        gasLevel: command.gasLevel ?? null,
        assessedBy: command.assessedBy,
        recordedAt,
        orgId: principal.orgId,
      });
      await this.outbox.append(em, GOAL_PROGRESS_RECORDED_V1.subject, {
        ...callerEnvelope({
          pathId,
          clientRef: await clientRefOfPath(em, pathId),
          principal,
          basis,
          correlationId: goal.plan_id,
        }),
        occurredAt: recordedAt,
        data: {
          goalId,
          ...(command.gasLevel === undefined ? {} : { gasLevel: command.gasLevel }),
          recordedAt: recordedAt.toISOString(),
          assessedBy: command.assessedBy,
        },
      });
      return {
        progressId,
        goalId,
        gasLevel: command.gasLevel ?? null,
        assessedBy: command.assessedBy,
        recordedAt: recordedAt.toISOString(),
      };
    });
  }
}
