import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TransitionsConfig } from '@polku/config';
import { alarmChanged, alarmLine, type ParkedEventAlarmState } from './parked-event-alarm-rules';
import { ParkedEventWatch } from './parked-event.watch';

/**
 * Checks the parked events every PARKED_EVENT_CHECK_INTERVAL_MS on each replica, and logs the
 * alarm as an error when it is raised or its count changes, and once when it clears: the
 * metric (parked-events.metric.ts) carries it between the lines. Only reads, so replicas need
 * no lock between them.
 */
@Injectable()
export class ParkedEventAlarmPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ParkedEventAlarm');
  private timer: NodeJS.Timeout | undefined;
  private last: ParkedEventAlarmState | undefined;

  constructor(
    private readonly watch: ParkedEventWatch,
    private readonly config: TransitionsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.checkQuietly(),
      this.config.PARKED_EVENT_CHECK_INTERVAL_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One check: the state now, logged when the alarm is raised, changes or clears. */
  async check(): Promise<ParkedEventAlarmState> {
    const state = await this.watch.state();
    if (alarmChanged(this.last, state)) {
      if (state.raised) {
        this.logger.error(alarmLine(state));
      } else {
        this.logger.log('parked-events alarm cleared: no park is older than the limit');
      }
    }
    this.last = state;
    return state;
  }

  private async checkQuietly(): Promise<void> {
    try {
      await this.check();
    } catch (error) {
      this.logger.warn(
        `could not check the parked events: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
