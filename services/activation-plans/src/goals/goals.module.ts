import { Module } from '@nestjs/common';
import { GoalProgressService } from './goal-progress.service';
import { GoalsHandler } from './goals.handler';

/** Follow-up of the plan's goals, with the GAS level reached. */
@Module({
  controllers: [GoalsHandler],
  providers: [GoalProgressService],
})
export class GoalsModule {}
