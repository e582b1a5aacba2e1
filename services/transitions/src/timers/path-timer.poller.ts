import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransitionsConfig } from '@polku/config';
import { ServiceTimerPoller, TimerPoller } from '@polku/timers';
import { DataSource } from 'typeorm';
import { PathTimerHandlers } from './path-timer.handlers';

/** The timer poller of this replica, for every timer of the path machine. */
@Injectable()
export class PathTimerPoller extends ServiceTimerPoller {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    config: TransitionsConfig,
    handlers: PathTimerHandlers,
  ) {
    super(
      new TimerPoller({
        dataSource,
        pollIntervalMs: config.TIMER_POLL_INTERVAL_MS,
        handlers: handlers.handlers(),
      }),
      'path',
    );
  }
}
