import {
  type BeforeApplicationShutdown,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { TimerBacklog, TimerPoller } from './timer-poller';

/**
 * A service's timer poller in the Nest lifecycle: one per replica, started once the application
 * has bootstrapped and stopped before shutdown, as EventBackbone does with the outbox relay.
 * Replicas share the work: the poller claims timers with SKIP LOCKED. A service extends it with
 * its @Injectable() class and passes the poller with its handlers.
 */
export abstract class ServiceTimerPoller
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger: Logger;

  protected constructor(
    readonly poller: TimerPoller,
    /** What the timers are, for the log: e.g. `plan-review`. */
    private readonly label: string,
  ) {
    this.logger = new Logger(new.target.name);
  }

  /** Logs the timers waiting from before the start, then starts polling. */
  async onApplicationBootstrap(): Promise<void> {
    // Timers that came due while no replica ran fire on the first poll; say how many wait.
    const backlog = await this.backlog();
    if (backlog.overdue > 0 || backlog.failing > 0) {
      this.logger.warn(
        `${this.label} timers waiting: ${backlog.overdue} overdue (oldest ${backlog.oldestOverdueMs} ms), ${backlog.failing} failing`,
      );
    }
    this.poller.start();
  }

  /** Stops polling; the batch in progress commits or rolls back first. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Timers that should have fired and have not, for operators. */
  backlog(): Promise<TimerBacklog> {
    return this.poller.backlog();
  }
}
