import { Module } from '@nestjs/common';
import { PathEngineModule } from '../path-engine/path-engine.module';
import { PathTimerHandlers } from './path-timer.handlers';
import { PathTimerPoller } from './path-timer.poller';

/**
 * The path's timers firing: hand-off escalations, overdue next steps, follow-ups due and missed,
 * unclear-path reviews, measure-end reminders and exceeded waits, each decided by the machine.
 */
@Module({
  imports: [PathEngineModule],
  providers: [PathTimerHandlers, PathTimerPoller],
})
export class PathTimersModule {}
