import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { MEETING_COMMANDS, RecordClientVoiceCommand } from '@polku/contracts';
import {
  type PathRequest,
  RequestPrincipal,
  requirePathId,
  validateCommand,
} from '@polku/service-runtime';
import { ClientVoiceService } from './client-voice.service';

/** The client's voice: own goals, a view in a meeting, a disagreement, a wish for the next step. */
@Controller()
export class ClientVoiceHandler {
  constructor(private readonly clientVoice: ClientVoiceService) {}

  @MessagePattern(MEETING_COMMANDS.recordClientVoice)
  async record(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(RecordClientVoiceCommand, request.body);
    return this.clientVoice.record(principal, { pathId, command });
  }
}
