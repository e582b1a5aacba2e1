import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { PLAN_COMMANDS, RecordGoalProgressCommand } from '@polku/contracts';
import {
  type PathItemRequest,
  RequestPrincipal,
  requireItemId,
  requirePathId,
  validateCommand,
} from '@polku/service-runtime';
import { GoalProgressService } from './goal-progress.service';

/** Follow-up of a plan goal, with the GAS level reached when the goal has a scale. PLAN data. */
@Controller()
export class GoalsHandler {
  constructor(private readonly progress: GoalProgressService) {}

  @MessagePattern(PLAN_COMMANDS.recordGoalProgress)
  async recordProgress(
    @Payload() request: PathItemRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const goalId = requireItemId(request, 'goal');
    const command = validateCommand(RecordGoalProgressCommand, request.body);
    return this.progress.record(principal, { pathId, goalId, command });
  }
}
