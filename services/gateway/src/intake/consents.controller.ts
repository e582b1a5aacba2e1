import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GrantConsentCommand, INTAKE_COMMANDS } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { ConsentWithdrawalFence } from '../access/consent-withdrawal-fence';
import { ClientDataCommand, ClientDataRead } from '../http/endpoint-kinds';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/** Consent records of a path: immutable; a withdrawal is a new record, effective at once. */
@ApiTags('consents')
@Controller('paths/:pathId')
export class ConsentsController {
  constructor(
    private readonly bus: ServiceCommandBus,
    private readonly withdrawals: ConsentWithdrawalFence,
  ) {}

  @Post('consents')
  @ClientDataCommand({
    summary: 'Record the client’s consent (organisations, data classes, purpose)',
    dataClasses: ['PATH'],
    body: GrantConsentCommand,
    status: 201,
    idempotent: true,
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
  @ClientDataCommand({
    summary: 'Record the withdrawal of a consent; it stops covering at once',
    dataClasses: ['PATH'],
    body: 'none',
    status: 201,
    idempotent: true,
  })
  async withdraw(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
    @Req() request: FastifyRequest,
  ) {
    const answer = await this.bus.send<object>(
      INTAKE_COMMANDS.withdrawConsent,
      { pathId, id: consentId, body: {} },
      commandMetadataOf(request),
    );
    // In effect in the gateway before the 2xx leaves, whatever the relay does (ADR 0012-e).
    return this.withdrawals.apply({ pathId, consentId }, answer);
  }

  @Get('consents')
  @ClientDataRead({
    summary: 'Every consent record of the path, grants and withdrawals',
    dataClasses: ['PATH'],
  })
  list(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(INTAKE_COMMANDS.listConsents, { pathId }, commandMetadataOf(request));
  }

  @Get('client')
  @ClientDataRead({
    summary: 'Who the client of the path is',
    description:
      'For parties of the path. The full personal identity code and a protected address (turvakielto) only for the owning organisation.',
    dataClasses: ['PATH'],
  })
  client(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(INTAKE_COMMANDS.getClient, { pathId }, commandMetadataOf(request));
  }
}
