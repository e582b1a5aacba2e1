import { Module } from '@nestjs/common';
import { PathAccessEventsHandler } from './access/path-access-events.handler';
import { GoalsModule } from './goals/goals.module';
import { MeasuresModule } from './measures/measures.module';
import { PlansModule } from './plans/plans.module';
import { ReviewsModule } from './reviews/reviews.module';
import { StatementsModule } from './statements/statements.module';

/**
 * The activation-plans service: one activation plan per path with its versions, linked plans
 * and goals (GAS), measures with legal schedules, pauses and attendance, statements, and plan
 * reviews on durable timers. Health, database and NATS come from ServiceRuntimeModule.
 */
@Module({
  imports: [PlansModule, GoalsModule, MeasuresModule, StatementsModule, ReviewsModule],
  // The access projection's consumer (access/), which PlanPathAccess in each feature reads.
  controllers: [PathAccessEventsHandler],
})
export class AppModule {}
