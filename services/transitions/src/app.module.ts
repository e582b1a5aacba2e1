import { Module } from '@nestjs/common';
import { TimerScheduler } from '@polku/timers';
import { FundingEndingService } from './commands/funding-ending.service';
import { OrganisationWatchHandler } from './commands/organisation-watch.handler';
import { PathCommandService } from './commands/path-command.service';
import { PathCourseHandler } from './commands/path-course.handler';
import { PathCourseEngine } from './course/path-course.engine';
import { PathEventWriter } from './course/path-event-writer';
import { PathTimerEffects } from './course/path-timer-effects';
import { IntakeEventsHandler } from './events/intake-events.handler';
import { PathEventFeed } from './events/path-event-feed';
import { PlanEventsHandler } from './events/plan-events.handler';
import { LostPathsMetric } from './lost/lost-paths.metric';
import { PATH_POLICY_PROVIDER } from './shared/path-policy.provider';
import { TRANSITIONS_CONFIG_PROVIDER } from './shared/transitions-config';
import { PathTimerHandlers } from './timers/path-timer.handlers';
import { PathTimerPoller } from './timers/path-timer.poller';

/**
 * The transitions service: every path's state, accountable organisation, named worker and next
 * step (the path state machine in path/), moved by client-intake's and activation-plans' events,
 * by hand-off, exit and follow-up commands, and by its own timers, which raise every reminder,
 * escalation and follow-up as an event. Health, database and NATS come from
 * ServiceRuntimeModule.
 */
@Module({
  controllers: [
    IntakeEventsHandler,
    PlanEventsHandler,
    PathCourseHandler,
    OrganisationWatchHandler,
  ],
  providers: [
    TRANSITIONS_CONFIG_PROVIDER,
    PATH_POLICY_PROVIDER,
    TimerScheduler,
    PathTimerEffects,
    PathEventWriter,
    PathCourseEngine,
    PathEventFeed,
    PathCommandService,
    FundingEndingService,
    PathTimerHandlers,
    PathTimerPoller,
    LostPathsMetric,
  ],
})
export class AppModule {}
