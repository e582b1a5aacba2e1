import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal } from '@polku/auth';
import { callerEnvelope, checkPathAccess } from '@polku/path-access';
import { GOAL_PROGRESS_RECORDED_V1, type RecordGoalProgressCommand } from '@polku/contracts';
import { OutboxWriter } from '@polku/messaging';
import { clientRefOfPath } from '@polku/path-access';
import { retriedTransaction } from '@polku/persistence';
import { CommandConflictError, NotFoundError, RuleViolationError } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { assertPathStillOpen } from '../path-stage/path-state-rules';
import { lockedPathStageFacts } from '../path-stage/path-stage.repository';
import { goalOfPath, insertGoalProgress } from '../plans/plan.repository';

/** A follow-up of one goal of the path's plan, with the GAS level reached when it has a scale. */
@Injectable()
export class GoalProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async record(
    principal: Principal,
    request: { pathId: string; goalId: string; command: RecordGoalProgressCommand },
  ) {
    const { pathId, goalId, command } = request;
    return retriedTransaction(this.dataSource, async (em) => {
      const { basis } = await checkPathAccess(em, { principal, pathId, dataClass: 'PLAN' });
      const facts = await lockedPathStageFacts(em, pathId);
      const goal = await goalOfPath(em, { pathId, goalId });
      if (goal === undefined) {
        throw new NotFoundError('no such goal');
      }
      assertPathStillOpen(facts, 'record progress on a goal');
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
