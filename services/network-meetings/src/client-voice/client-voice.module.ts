import { Module } from '@nestjs/common';
import { ClientVoiceHandler } from './client-voice.handler';
import { ClientVoiceService } from './client-voice.service';
import { ClientVoiceWriter } from './client-voice-writer';

/** Client voice. ClientVoiceWriter is exported for the meeting record's client view. */
@Module({
  controllers: [ClientVoiceHandler],
  providers: [ClientVoiceWriter, ClientVoiceService],
  exports: [ClientVoiceWriter],
})
export class ClientVoiceModule {}
