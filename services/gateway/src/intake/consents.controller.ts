import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GrantConsentCommand, INTAKE_COMMANDS } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { ClientData } from '../access/client-data.decorator';
import { IdempotentCommand } from '../http/idempotency/idempotent-command.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/** Consent records of a path: immutable; a withdrawal is a new record, effective at once. */
@ApiTags('consents')
@ApiBearerAuth('bearer')
@Controller('paths/:pathId')
export class ConsentsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post('consents')
  @IdempotentCommand()
  @ApiOperation({ summary: 'Record the client’s consent (organisations, data classes, purpose)' })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  grant(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Body() command: GrantConsentCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.grantConsent,
      { pathId, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('consents/:consentId/withdrawal')
  @IdempotentCommand()
  @ApiOperation({
    summary: 'Record the withdrawal of a consent; it stops covering at once',
  })
  @ClientData({
    action: 'WRITE',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  withdraw(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.withdrawConsent,
      { pathId, id: consentId, body: {} },
      commandMetadataOf(request),
    );
  }

  @Get('consents')
  @ApiOperation({ summary: 'Every consent record of the path, grants and withdrawals' })
  @ClientData({
    action: 'READ',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  list(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(INTAKE_COMMANDS.listConsents, { pathId }, commandMetadataOf(request));
  }

  @Get('client')
  @ApiOperation({
    summary: 'Who the client of the path is',
    description:
      'For parties of the path. The full personal identity code and a protected address (turvakielto) only for the owning organisation.',
  })
  @ClientData({
    action: 'READ',
    dataClasses: ['PATH'],
    purpose: 'CLIENT_WORK',
    pathParam: 'pathId',
  })
  client(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(INTAKE_COMMANDS.getClient, { pathId }, commandMetadataOf(request));
  }
}
