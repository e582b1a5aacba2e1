import { Module } from '@nestjs/common';
import { ExitsModule } from './exits/exits.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { HandoffsModule } from './handoffs/handoffs.module';
import { LostPathsModule } from './lost-paths/lost-paths.module';
import { OrganisationWatchModule } from './organisation-watch/organisation-watch.module';
import { OwnershipModule } from './ownership/ownership.module';
import { PathEventsModule } from './path-events/path-events.module';
import { PathsModule } from './paths/paths.module';
import { PathTimersModule } from './timers/path-timers.module';
import { UnclearPathsModule } from './unclear-paths/unclear-paths.module';
import { WaitsModule } from './waits/waits.module';

/**
 * The transitions service: every path's state, accountable organisation, named worker and next
 * step (the path state machine in path/), moved by client-intake's and activation-plans' events,
 * by hand-off, exit and follow-up commands, and by its own timers, which raise every reminder,
 * escalation and follow-up as an event. Health, database and NATS come from
 * ServiceRuntimeModule.
 */
@Module({
  imports: [
    PathsModule,
    HandoffsModule,
    ExitsModule,
    FollowUpsModule,
    WaitsModule,
    OwnershipModule,
    UnclearPathsModule,
    LostPathsModule,
    OrganisationWatchModule,
    PathTimersModule,
    PathEventsModule,
  ],
})
export class AppModule {}
