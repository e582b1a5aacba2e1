import { Module } from '@nestjs/common';
import { MeetingViewHandler } from './meeting-view.handler';
import { MeetingViewService } from './meeting-view.service';

/** Meeting mode: one view model per meeting, composed from the timeline (docs/meetings.md). */
@Module({ controllers: [MeetingViewHandler], providers: [MeetingViewService] })
export class MeetingViewModule {}
