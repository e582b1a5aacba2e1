import { Module } from '@nestjs/common';
import { PathAccessModule } from './access/path-access.module';
import { GoalsModule } from './goals/goals.module';
import { MeasuresModule } from './measures/measures.module';
import { PathStageModule } from './path-stage/path-stage.module';
import { PlansModule } from './plans/plans.module';
import { ReviewsModule } from './reviews/reviews.module';
import { StatementsModule } from './statements/statements.module';

/**
 * The activation-plans service: one activation plan per path with its versions, linked plans
 * and goals (GAS), measures with legal schedules, pauses and attendance, statements, and plan
 * reviews on durable timers; commands the path's stage forbids are refused (path-stage/). Health, database and NATS come from ServiceRuntimeModule.
 */
@Module({
  imports: [
    PathAccessModule,
    PathStageModule,
    PlansModule,
    GoalsModule,
    MeasuresModule,
    StatementsModule,
    ReviewsModule,
  ],
})
export class AppModule {}
