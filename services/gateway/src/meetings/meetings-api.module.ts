import { Module } from '@nestjs/common';
import { ServiceClientModule } from '../service-client/service-client.module';
import { ActionItemsController } from './action-items.controller';
import { ClientVoiceController } from './client-voice.controller';
import { MeetingsController } from './meetings.controller';

/** The gateway's endpoints for network-meetings: meetings, agreed next steps, client voice. */
@Module({
  imports: [ServiceClientModule],
  controllers: [MeetingsController, ActionItemsController, ClientVoiceController],
})
export class MeetingsApiModule {}
