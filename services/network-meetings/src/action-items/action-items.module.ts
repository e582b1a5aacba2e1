import { Module } from '@nestjs/common';
import { TimerScheduler } from '@polku/timers';
import { NetworkMeetingsConfigModule } from '../config/network-meetings-config.module';
import { ActionItemWriter } from './action-item-writer';
import { ActionItemsHandler } from './action-items.handler';
import { ActionItemsService } from './action-items.service';
import { EscalationPoller } from './escalation-poller';
import { EscalationTimerHandlers } from './escalation-timer.handlers';
import { EscalationTimers } from './escalation-timers';

/**
 * Agreed next steps and their escalation on durable timers. ActionItemWriter is exported for the
 * meeting record, which agrees next steps in its own transaction.
 */
@Module({
  imports: [NetworkMeetingsConfigModule],
  controllers: [ActionItemsHandler],
  providers: [
    TimerScheduler,
    EscalationTimers,
    ActionItemWriter,
    ActionItemsService,
    EscalationTimerHandlers,
    EscalationPoller,
  ],
  exports: [ActionItemWriter],
})
export class ActionItemsModule {}
