import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActivationPlansConfig } from '@polku/config';
import { ServiceTimerPoller, TimerPoller } from '@polku/timers';
import { DataSource } from 'typeorm';
import { PlanReviewTimerHandlers } from './plan-review-timer.handlers';
import { PLAN_REVIEW_DUE, PLAN_REVIEW_OVERDUE } from './review-timers';

/** The timer poller of this replica, for the plan-review timers. */
@Injectable()
export class PlanReviewPoller extends ServiceTimerPoller {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    config: ActivationPlansConfig,
    handlers: PlanReviewTimerHandlers,
  ) {
    super(
      new TimerPoller({
        dataSource,
        pollIntervalMs: config.TIMER_POLL_INTERVAL_MS,
        handlers: {
          [PLAN_REVIEW_DUE]: (em, timer) => handlers.onDue(em, timer),
          [PLAN_REVIEW_OVERDUE]: (em, timer) => handlers.onOverdue(em, timer),
        },
      }),
      'plan-review',
    );
  }
}
