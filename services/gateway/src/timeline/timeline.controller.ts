import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  LinkDecisionCommand,
  MEETING_COMMANDS,
  TIMELINE_ENTRY_KINDS,
  TIMELINE_ORDERS,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { ClientDataCommand, ClientDataRead } from '../http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';
import { timelineQueryOf } from './timeline-query';

/**
 * The shared timeline of a path (docs/meetings.md): every service's events, each with its data
 * class, source organisation, an identity-free summary and the parties that may see it. Read
 * entry by entry under the access policy: each organisation sees its own timeline of the path.
 */
@ApiTags('timeline')
@Controller('paths/:pathId')
export class TimelineController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get('timeline')
  @ClientDataRead({
    summary: 'The path’s shared timeline, as far as the caller may see it, newest first',
    description:
      'Every event of the path from every service that the caller’s organisation may see now: by the access policy for its data class, and for client voice by the client’s choice. Each entry names its kind, data class, source organisation, a summary without identity, the payload, and `visibleTo` (the current parties that may see it). Filters: `kind` (repeatable), `orgId` (source organisation), `from`/`to` (period), `order` (`desc` by default).',
    dataClasses: ['PATH'],
    answer: 'page',
    itemDataClassField: 'dataClass',
  })
  @ApiQuery({
    name: 'kind',
    required: false,
    isArray: true,
    enum: TIMELINE_ENTRY_KINDS,
    description: 'Only entries of these kinds; repeat the parameter for several.',
  })
  @ApiQuery({
    name: 'orgId',
    required: false,
    schema: { type: 'string', format: 'uuid' },
    description: 'Only entries emitted by this organisation.',
  })
  @ApiQuery({
    name: 'from',
    required: false,
    schema: { type: 'string', format: 'date-time', example: '2026-01-01T00:00:00.000Z' },
    description: 'Only entries that happened at or after this instant (UTC, ending in Z).',
  })
  @ApiQuery({
    name: 'to',
    required: false,
    schema: { type: 'string', format: 'date-time', example: '2099-01-01T00:00:00.000Z' },
    description: 'Only entries that happened before this instant (UTC, ending in Z).',
  })
  @ApiQuery({
    name: 'order',
    required: false,
    enum: TIMELINE_ORDERS,
    description: '`desc` (newest first, the default) or `asc`.',
  })
  list(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @PageQuery() page: PageRequest,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
  ) {
    const filters = timelineQueryOf(query);
    return this.bus.send(
      MEETING_COMMANDS.listTimeline,
      { pathId, limit: page.limit, cursor: page.cursor, ...filters },
      commandMetadataOf(request),
    );
  }

  @Post('meetings/:meetingId/decisions/:decisionId/link')
  @ClientDataCommand({
    summary: 'Link a held meeting’s decision to the event that carried it out',
    description:
      'By an organisation present at the meeting: the event (its id on the timeline) of the command that carried the decision out in its owning service, on the same path — ActivationPlanAgreed or ActivationPlanRevised for a plan change, HandoffProposed, HandoffAccepted, HandoffDeclined or ClientExited for a transition decision, MeasurePaused for a pause. Once per decision: 409 when it is linked already or the meeting is not recorded as held; 422 when the event is not on the path or cannot carry the decision.',
    dataClasses: ['PATH'],
    body: LinkDecisionCommand,
    status: 201,
    idempotent: true,
  })
  link(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Param('decisionId', ParseUUIDPipe) decisionId: string,
    @Body() command: LinkDecisionCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      MEETING_COMMANDS.linkDecision,
      { pathId, meetingId, decisionId, body: command },
      commandMetadataOf(request),
    );
  }
}
