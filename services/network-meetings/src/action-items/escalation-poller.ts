import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NetworkMeetingsConfig } from '@polku/config';
import { ServiceTimerPoller, TimerPoller } from '@polku/timers';
import { DataSource } from 'typeorm';
import { EscalationTimerHandlers } from './escalation-timer.handlers';
import { ACTION_ITEM_OVERDUE } from './escalation-timers';

/** The timer poller of this replica, for the action items' escalation timers. */
@Injectable()
export class EscalationPoller extends ServiceTimerPoller {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    config: NetworkMeetingsConfig,
    handlers: EscalationTimerHandlers,
  ) {
    super(
      new TimerPoller({
        dataSource,
        pollIntervalMs: config.TIMER_POLL_INTERVAL_MS,
        handlers: {
          [ACTION_ITEM_OVERDUE]: (em, timer) => handlers.onOverdue(em, timer),
        },
      }),
      'action-item-escalation',
    );
  }
}
