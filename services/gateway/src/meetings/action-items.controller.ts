import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AssignActionItemCommand, MEETING_COMMANDS } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { ClientDataCommand, ClientDataRead } from '../http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * Agreed next steps ("mitä sovittiin jatkosta"): one owner organisation and worker, a due date;
 * overdue ones escalate worker → team lead → manager until completed (docs/meetings.md).
 */
@ApiTags('agreed-steps')
@Controller('paths/:pathId/agreed-steps')
export class ActionItemsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post()
  @ClientDataCommand({
    summary: 'Assign an agreed next step outside a meeting',
    description: 'Due today or later. A meeting’s steps come with its record.',
    dataClasses: ['PLAN'],
    body: AssignActionItemCommand,
    status: 201,
    idempotent: true,
    versioned: true,
  })
  assign(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: AssignActionItemCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      MEETING_COMMANDS.assignActionItem,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post(':actionItemId/completion')
  @ClientDataCommand({
    summary: 'Complete an agreed next step',
    description:
      'Needs If-Match with the item’s ETag (in the list). By the owner organisation only (403 otherwise), once (409 after that); its escalation stops.',
    dataClasses: ['PATH'],
    body: 'none',
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  complete(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('actionItemId', ParseUUIDPipe) actionItemId: string,
    @IfMatchVersion() expectedVersion: number,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      MEETING_COMMANDS.completeActionItem,
      { pathId, id: actionItemId, expectedVersion, body: {} },
      commandMetadataOf(request),
    );
  }

  @Get()
  @ClientDataRead({
    summary: 'The agreed next steps of the path, soonest due first, with state and escalation',
    dataClasses: ['PLAN'],
    answer: 'page',
  })
  list(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @PageQuery() page: PageRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      MEETING_COMMANDS.listActionItems,
      { pathId, limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }
}
