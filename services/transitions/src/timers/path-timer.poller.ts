import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransitionsConfig } from '@polku/config';
import { TimerPoller, type TimerBacklog } from '@polku/timers';
import { DataSource } from 'typeorm';
import { PathTimerHandlers } from './path-timer.handlers';

/**
 * One timer poller per replica for every timer of the path machine: started when the
 * application has bootstrapped and stopped before shutdown, as EventBackbone does with the
 * outbox relay. Replicas share the work: the poller claims timers with SKIP LOCKED.
 */
@Injectable()
export class PathTimerPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PathTimerPoller.name);
  readonly poller: TimerPoller;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    config: TransitionsConfig,
    handlers: PathTimerHandlers,
  ) {
    this.poller = new TimerPoller({
      dataSource,
      pollIntervalMs: config.TIMER_POLL_INTERVAL_MS,
      handlers: handlers.handlers(),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Timers that came due while no replica ran fire on the first poll; say how many wait.
    const backlog = await this.backlog();
    if (backlog.overdue > 0 || backlog.failing > 0) {
      this.logger.warn(
        `path timers waiting: ${backlog.overdue} overdue (oldest ${backlog.oldestOverdueMs} ms), ${backlog.failing} failing`,
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
