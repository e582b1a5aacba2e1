import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  EndMeasureCommand,
  PauseMeasureCommand,
  PLAN_COMMANDS,
  RecordAttendanceCommand,
  ReportAbsenceCommand,
  StartMeasureCommand,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { ClientData } from '../access/client-data.decorator';
import { IdempotentCommand } from '../http/idempotency/idempotent-command.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * The measures of a path's plan and their lifecycle. A schedule is checked against the legal
 * parameters configured in activation-plans; a broken rule is a 422 naming the rule.
 */
@ApiTags('measures')
@ApiBearerAuth('bearer')
@Controller('paths/:pathId/measures')
export class MeasuresController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post()
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Start a measure of the plan',
    description:
      'Type, placement (in-house or an external host) and schedule. Rehabilitative work activity: 3–24 month periods, 1–4 days a week, at least 4 hours a day (configuration); each broken rule is listed in `errors` of a 422 with its legal source.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
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
  @ApiOperation({ summary: 'The measures of the path: status, schedule, pauses, attendance' })
  @ClientData({
    action: 'READ',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  list(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(PLAN_COMMANDS.listMeasures, { pathId }, commandMetadataOf(request));
  }

  @Post(':measureId/attendance')
  @IdempotentCommand()
  @ApiOperation({ summary: 'Record a day of attendance' })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['ATTENDANCE'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
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
  @IdempotentCommand()
  @ApiOperation({ summary: 'Report an absence, with its reason as a category only' })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['ATTENDANCE'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
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
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Pause a measure (health care, sick leave, waiting)',
    description:
      'HEALTH_FLAG data: the reason can reveal health, so only an organisation the client’s consent covers for it may pause or resume. The path’s follow-up timers are suspended while it is paused.',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['HEALTH_FLAG'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  pause(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('measureId', ParseUUIDPipe) measureId: string,
    @Body() command: PauseMeasureCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.pauseMeasure,
      { pathId, id: measureId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post(':measureId/resume')
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({ summary: 'Resume a paused measure' })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['HEALTH_FLAG'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  resume(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('measureId', ParseUUIDPipe) measureId: string,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.resumeMeasure,
      { pathId, id: measureId, body: {} },
      commandMetadataOf(request),
    );
  }

  @Post(':measureId/end')
  @HttpCode(200)
  @IdempotentCommand()
  @ApiOperation({ summary: 'End a measure: completed, interrupted, transferred or other' })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  end(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('measureId', ParseUUIDPipe) measureId: string,
    @Body() command: EndMeasureCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      PLAN_COMMANDS.endMeasure,
      { pathId, id: measureId, body: command },
      commandMetadataOf(request),
    );
  }
}
