import { Module } from '@nestjs/common';
import { TimerScheduler } from '@polku/timers';
import { PathAccessProjectionHandler } from './access/path-access-projection.handler';
import { GoalsHandler } from './goals/goals.handler';
import { AttendanceHandler } from './measures/attendance.handler';
import { MeasurePausesHandler } from './measures/measure-pauses.handler';
import { MeasuresHandler } from './measures/measures.handler';
import { PathTimerPause } from './measures/path-timer-pause';
import { PlanAgreementService } from './plans/plan-agreement.service';
import { PlanRevisionService } from './plans/plan-revision.service';
import { PlansHandler } from './plans/plans.handler';
import { PlanReviewPoller } from './reviews/plan-review-poller';
import { PlanReviewTimerHandlers } from './reviews/plan-review-timer.handlers';
import { ReviewTimers } from './reviews/review-timers';
import { ACTIVATION_PLANS_CONFIG_PROVIDER } from './shared/activation-plans-config';
import { StatementsHandler } from './statements/statements.handler';

/**
 * The activation-plans service: one activation plan per path with its versions, linked plans
 * and goals (GAS), measures with legal schedules, pauses and attendance, statements, and plan
 * reviews on durable timers. Health, database and NATS come from ServiceRuntimeModule.
 */
@Module({
  controllers: [
    PathAccessProjectionHandler,
    PlansHandler,
    GoalsHandler,
    MeasuresHandler,
    MeasurePausesHandler,
    AttendanceHandler,
    StatementsHandler,
  ],
  providers: [
    ACTIVATION_PLANS_CONFIG_PROVIDER,
    PlanAgreementService,
    PlanRevisionService,
    TimerScheduler,
    ReviewTimers,
    PathTimerPause,
    PlanReviewTimerHandlers,
    PlanReviewPoller,
  ],
})
export class AppModule {}
