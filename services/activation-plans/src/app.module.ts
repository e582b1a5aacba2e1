import { Module } from '@nestjs/common';
import { PathAccessModule } from './access/path-access.module';
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
  imports: [
    PathAccessModule,
    PlansModule,
    GoalsModule,
    MeasuresModule,
    StatementsModule,
    ReviewsModule,
  ],
})
export class AppModule {}
