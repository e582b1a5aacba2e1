import { Module } from '@nestjs/common';
import { ServiceClientModule } from '../service-client/service-client.module';
import { ActivationPlanController } from './activation-plan.controller';
import { MeasuresController } from './measures.controller';
import { StatementsController } from './statements.controller';

/** The gateway's endpoints for activation-plans: the plan, goals, measures, statements. */
@Module({
  imports: [ServiceClientModule],
  controllers: [ActivationPlanController, MeasuresController, StatementsController],
})
export class PlansApiModule {}
