import { Module } from '@nestjs/common';
import { PlanPathAccess } from '../access/plan-path-access';
import { GoalsHandler } from './goals.handler';

/** Follow-up of the plan's goals, with the GAS level reached. */
@Module({
  controllers: [GoalsHandler],
  providers: [PlanPathAccess],
})
export class GoalsModule {}
