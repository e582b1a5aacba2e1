import { Module } from '@nestjs/common';
import { PathAccessModule } from './access/path-access.module';
import { ActionItemsModule } from './action-items/action-items.module';
import { ClientVoiceModule } from './client-voice/client-voice.module';
import { MeetingsModule } from './meetings/meetings.module';
import { LiveModule } from './live/live.module';
import { MeetingViewModule } from './meeting-view/meeting-view.module';
import { TimelineModule } from './timeline/timeline.module';

/**
 * The network-meetings service: network meetings, participants, decisions, agreed next steps
 * (action items) on durable timers, client voice, and the shared timeline projection of every
 * path (docs/meetings.md). Health, database and NATS come from ServiceRuntimeModule.
 */
@Module({
  imports: [
    PathAccessModule,
    TimelineModule,
    MeetingsModule,
    ActionItemsModule,
    ClientVoiceModule,
    MeetingViewModule,
    LiveModule,
  ],
})
export class AppModule {}
