import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CancelMeetingCommand,
  MEETING_COMMANDS,
  RecordMeetingHeldCommand,
  ScheduleMeetingCommand,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { ClientDataCommand, ClientDataRead } from '../http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * Network meetings of a path: scheduled by a party (for itself or the client), cancelled or
 * recorded as held once by the convenor or an invited organisation (docs/meetings.md).
 */
@ApiTags('meetings')
@Controller('paths/:pathId/meetings')
export class MeetingsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post()
  @ClientDataCommand({
    summary: 'Schedule a network meeting',
    description:
      'The caller’s organisation is the convenor (convenor CLIENT records that the client convened it). An invitee with the role EXPERIENTIAL_EXPERT needs expertConsentRef naming the client’s consent of this path for EXPERT_PARTICIPATION that names the organisation and is in force at the meeting: else 422 with the rule EXPERT_CONSENT_MISSING, and nothing is written.',
    dataClasses: ['PATH'],
    body: ScheduleMeetingCommand,
    status: 201,
    idempotent: true,
    versioned: true,
  })
  schedule(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: ScheduleMeetingCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      MEETING_COMMANDS.scheduleMeeting,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post(':meetingId/cancellation')
  @ClientDataCommand({
    summary: 'Cancel a scheduled network meeting',
    description:
      'Needs If-Match with the meeting’s ETag. By the convenor or an invited organisation (403 otherwise); once (409 when already held or cancelled).',
    dataClasses: ['PATH'],
    body: CancelMeetingCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  cancel(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() command: CancelMeetingCommand,
    @IfMatchVersion() expectedVersion: number,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      MEETING_COMMANDS.cancelMeeting,
      { pathId, id: meetingId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }

  @Post(':meetingId/record')
  @ClientDataCommand({
    summary: 'Record a network meeting as held',
    description:
      'Needs If-Match with the meeting’s ETag. By the convenor or an invited organisation (403 otherwise); once (409 after that). Writes the record, the client’s view (client voice, MEETING_VIEW) and each agreed next step (an action item; the caller needs PLAN cover for them) in one transaction. An experiential expert among the participants needs the consent rule of scheduling (422 EXPERT_CONSENT_MISSING).',
    dataClasses: ['PATH'],
    body: RecordMeetingHeldCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  record(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() command: RecordMeetingHeldCommand,
    @IfMatchVersion() expectedVersion: number,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      MEETING_COMMANDS.recordMeetingHeld,
      { pathId, id: meetingId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }

  @Get()
  @ClientDataRead({
    summary: 'The network meetings of the path, earliest start first',
    dataClasses: ['PATH'],
    answer: 'page',
  })
  list(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @PageQuery() page: PageRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      MEETING_COMMANDS.listMeetings,
      { pathId, limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }

  @Get(':meetingId')
  @ClientDataRead({
    summary: 'One network meeting: as scheduled, and its record once held or cancelled',
    dataClasses: ['PATH'],
    answer: 'one',
    versioned: true,
  })
  get(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      MEETING_COMMANDS.getMeeting,
      { pathId, id: meetingId },
      commandMetadataOf(request),
    );
  }
}
