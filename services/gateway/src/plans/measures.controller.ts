import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  EndMeasureCommand,
  PauseMeasureCommand,
  PLAN_COMMANDS,
  RecordAttendanceCommand,
  ReportAbsenceCommand,
  StartMeasureCommand,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { ClientDataCommand, ClientDataRead } from '../http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * The measures of a path's plan and their lifecycle. A schedule is checked against the legal
 * parameters configured in activation-plans; a broken rule is a 422 naming the rule. Each
 * measure has a version (in the list, and the ETag of a change's answer): pausing, resuming and
 * ending need If-Match with it, so nobody acts on a measure a colleague has changed meanwhile.
 */
@ApiTags('measures')
@Controller('paths/:pathId/measures')
export class MeasuresController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post()
  @ClientDataCommand({
    summary: 'Start a measure of the plan',
    description:
      'Type, placement (in-house or an external host) and schedule. Rehabilitative work activity: 3–24 month periods, 1–4 days a week, at least 4 hours a day (configuration); each broken rule is listed in `errors` of a 422 with its legal source.',
    dataClasses: ['PATH'],
    body: StartMeasureCommand,
    status: 201,
    idempotent: true,
    versioned: true,
  })
  start(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: StartMeasureCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.startMeasure,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Get()
  @ClientDataRead({
    summary: 'The measures of the path: status, schedule, pauses, attendance',
    dataClasses: ['PATH'],
    answer: 'page',
  })
  list(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @PageQuery() page: PageRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.listMeasures,
      { pathId, limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }

  @Post(':measureId/attendance')
  @ClientDataCommand({
    summary: 'Record a day of attendance',
    dataClasses: ['ATTENDANCE'],
    body: RecordAttendanceCommand,
    status: 201,
    idempotent: true,
  })
  recordAttendance(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('measureId', ParseUUIDPipe) measureId: string,
    @Body() command: RecordAttendanceCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.recordAttendance,
      { pathId, id: measureId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post(':measureId/absences')
  @ClientDataCommand({
    summary: 'Report an absence, with its reason as a category only',
    dataClasses: ['ATTENDANCE'],
    body: ReportAbsenceCommand,
    status: 201,
    idempotent: true,
  })
  reportAbsence(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('measureId', ParseUUIDPipe) measureId: string,
    @Body() command: ReportAbsenceCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.reportAbsence,
      { pathId, id: measureId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post(':measureId/pause')
  @ClientDataCommand({
    summary: 'Pause a measure (health care, sick leave, waiting)',
    description:
      'Needs If-Match with the measure’s version as its ETag (`"2"` for version 2; 412 when it changed since). HEALTH_FLAG data: the reason can reveal health, so only an organisation the client’s consent covers for it may pause or resume. The path’s follow-up timers are suspended while it is paused.',
    dataClasses: ['HEALTH_FLAG'],
    body: PauseMeasureCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  pause(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('measureId', ParseUUIDPipe) measureId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: PauseMeasureCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.pauseMeasure,
      { pathId, id: measureId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }

  @Post(':measureId/resume')
  @ClientDataCommand({
    summary: 'Resume a paused measure',
    description: 'Needs If-Match with the measure’s version as its ETag.',
    dataClasses: ['HEALTH_FLAG'],
    body: 'none',
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  resume(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('measureId', ParseUUIDPipe) measureId: string,
    @IfMatchVersion() expectedVersion: number,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.resumeMeasure,
      { pathId, id: measureId, expectedVersion, body: {} },
      commandMetadataOf(request),
    );
  }

  @Post(':measureId/end')
  @ClientDataCommand({
    summary: 'End a measure: completed, interrupted, transferred or other',
    description: 'Needs If-Match with the measure’s version as its ETag.',
    dataClasses: ['PATH'],
    body: EndMeasureCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  end(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('measureId', ParseUUIDPipe) measureId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: EndMeasureCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.endMeasure,
      { pathId, id: measureId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }
}
