import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActivationPlansConfig } from '@polku/config';
import { TimerPoller, type TimerBacklog } from '@polku/timers';
import { DataSource } from 'typeorm';
import { PlanReviewTimerHandlers } from './plan-review-timer.handlers';
import { PLAN_REVIEW_DUE, PLAN_REVIEW_OVERDUE } from './review-timers';

/**
 * One timer poller per replica, for the plan-review timers: started when the application has
 * bootstrapped and stopped before shutdown, as EventBackbone does with the outbox relay.
 */
@Injectable()
export class PlanReviewPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PlanReviewPoller.name);
  readonly poller: TimerPoller;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    config: ActivationPlansConfig,
    handlers: PlanReviewTimerHandlers,
  ) {
    this.poller = new TimerPoller({
      dataSource,
      pollIntervalMs: config.TIMER_POLL_INTERVAL_MS,
      handlers: {
        [PLAN_REVIEW_DUE]: (em, timer) => handlers.onDue(em, timer),
        [PLAN_REVIEW_OVERDUE]: (em, timer) => handlers.onOverdue(em, timer),
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Timers that came due while no replica ran fire on the first poll; say how many wait.
    const backlog = await this.backlog();
    if (backlog.overdue > 0 || backlog.failing > 0) {
      this.logger.warn(
        `plan-review timers waiting: ${backlog.overdue} overdue (oldest ${backlog.oldestOverdueMs} ms), ${backlog.failing} failing`,
      );
    }
    this.poller.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Timers that should have fired and have not, for operators. */
  backlog(): Promise<TimerBacklog> {
    return this.poller.backlog();
  }
}
