import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MEETING_COMMANDS, RecordClientVoiceCommand } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { ClientDataCommand } from '../http/endpoint-kinds';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/** The client's own words, with the visibility the client chose (docs/meetings.md). */
@ApiTags('client-voice')
@Controller('paths/:pathId/client-voice')
export class ClientVoiceController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post()
  @ClientDataCommand({
    summary: 'Record the client’s voice',
    description:
      'Own goals, a view in a meeting (MEETING_VIEW names a meeting of this path: 422 otherwise), a disagreement or a wish for the next step. The client may name any organisation; the timeline shows the entry only to current parties of the path. Any party that sees the path may record it with the client: its basis is the client’s own choice of who sees it, not a consent for CLIENT_VOICE.',
    // PATH decides who may write it down; the answer holds no words of the client.
    dataClasses: ['PATH'],
    body: RecordClientVoiceCommand,
    status: 201,
    idempotent: true,
  })
  record(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: RecordClientVoiceCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      MEETING_COMMANDS.recordClientVoice,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }
}
