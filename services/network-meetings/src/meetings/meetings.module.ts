import { Module } from '@nestjs/common';
import { ActionItemsModule } from '../action-items/action-items.module';
import { ClientVoiceModule } from '../client-voice/client-voice.module';
import { MeetingRecordService } from './meeting-record.service';
import { MeetingScheduleService } from './meeting-schedule.service';
import { MeetingsHandler } from './meetings.handler';

/** Network meetings: scheduling, cancelling and the record of a held meeting. */
@Module({
  imports: [ActionItemsModule, ClientVoiceModule],
  controllers: [MeetingsHandler],
  providers: [MeetingScheduleService, MeetingRecordService],
})
export class MeetingsModule {}
