import { Module } from '@nestjs/common';
import { TimerScheduler } from '@polku/timers';
import { ActivationPlansConfigModule } from '../config/activation-plans-config.module';
import { PlanReviewPoller } from './plan-review-poller';
import { PlanReviewTimerHandlers } from './plan-review-timer.handlers';
import { ReviewTimers } from './review-timers';

/**
 * Plan reviews on durable timers: due and overdue reminders. ReviewTimers is exported for the
 * features that set, replace or pause them (plans, measures).
 */
@Module({
  imports: [ActivationPlansConfigModule],
  providers: [TimerScheduler, ReviewTimers, PlanReviewTimerHandlers, PlanReviewPoller],
  exports: [ReviewTimers],
})
export class ReviewsModule {}
