import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  CompleteIntakeCommand,
  INTAKE_COMMANDS,
  ReferParallelServiceCommand,
  ResolveBasicNeedCommand,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { ClientDataCommand, ClientDataRead } from '../http/endpoint-kinds';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * The intake assessment and its action items. The health flag makes it HEALTH_FLAG data:
 * only an organisation the client's consent covers for it may record or read it.
 */
@ApiTags('intake')
@Controller('paths/:pathId')
export class IntakeAssessmentController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post('intake')
  @ClientDataCommand({
    summary: 'Record the intake assessment (coded categories, basics checklist)',
    description:
      'No free text; health only as a yes/no flag. Every OPEN checklist item needs an issue with an owning organisation; each becomes an action item.',
    dataClasses: ['HEALTH_FLAG'],
    body: CompleteIntakeCommand,
    status: 201,
    idempotent: true,
  })
  complete(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: CompleteIntakeCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.completeIntake,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Get('intake')
  @ClientDataRead({
    summary: 'The latest intake assessment and every action item of the path',
    dataClasses: ['HEALTH_FLAG'],
    answer: 'one',
  })
  get(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(INTAKE_COMMANDS.getIntake, { pathId }, commandMetadataOf(request));
  }

  @Post('parallel-services')
  @ClientDataCommand({
    summary: 'Refer the client to a service alongside the measure',
    description:
      'Debt counselling, substance or mental-health services, the health check, a Kela application, the housing office, youth services. HEALTH_FLAG data: the kind of service can reveal health.',
    dataClasses: ['HEALTH_FLAG'],
    body: ReferParallelServiceCommand,
    status: 201,
    idempotent: true,
  })
  referParallelService(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: ReferParallelServiceCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.referParallelService,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('action-items/:actionItemId/resolution')
  @ClientDataCommand({
    summary: 'Resolve a basics action item',
    description:
      'Needs If-Match with the action item’s version as its ETag (`version` in GET …/intake: 1 while open, 2 once resolved; 412 when it changed since). Answers the resolved item with its new ETag.',
    dataClasses: ['HEALTH_FLAG'],
    body: ResolveBasicNeedCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  resolve(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('actionItemId', ParseUUIDPipe) actionItemId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: ResolveBasicNeedCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.resolveBasicNeed,
      { pathId, id: actionItemId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }
}
