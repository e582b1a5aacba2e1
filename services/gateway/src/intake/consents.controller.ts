import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GrantConsentCommand, INTAKE_COMMANDS, WithdrawConsentCommand } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { ConsentWithdrawalFence } from '../access/consent-withdrawal-fence';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { ClientDataCommand, ClientDataRead } from '../http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
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
    description:
      'By the organisation holding the client relationship (the path’s owner or a referrer), on the client’s statement. No organisation records a consent naming itself unless it owns the path (403).',
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
    description:
      'Needs If-Match with the consent’s version as its ETag (`version` in the list: 1 while in force, 2 once withdrawn; 412 when it changed since). By the organisation that recorded the consent; or by the one holding the client relationship (owner or referrer) on the client’s explicit request, with `onClientRequest: true`. Others get 403.',
    dataClasses: ['PATH'],
    body: WithdrawConsentCommand,
    status: 201,
    idempotent: false,
    ifMatch: true,
  })
  async withdraw(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('consentId', ParseUUIDPipe) consentId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: WithdrawConsentCommand,
    @Req() request: FastifyRequest,
  ) {
    const answer = await this.bus.send<object>(
      INTAKE_COMMANDS.withdrawConsent,
      { pathId, id: consentId, expectedVersion, body: command ?? {} },
      commandMetadataOf(request),
    );
    // In effect in the gateway before the 2xx leaves, whatever the relay does (ADR 0014).
    return this.withdrawals.apply({ pathId, consentId }, answer);
  }

  @Get('consents')
  @ClientDataRead({
    summary: 'Every consent record of the path, grants and withdrawals',
    dataClasses: ['PATH'],
    answer: 'page',
  })
  list(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @PageQuery() page: PageRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.listConsents,
      { pathId, limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }

  @Get('client')
  @ClientDataRead({
    summary: 'Who the client of the path is',
    description:
      'For parties of the path. The full personal identity code (permanent or temporary) and a protected address (turvakielto) only for the owning organisation. `identityStatus`/`identityVerified` say whether the identity is verified; `possibleDuplicates` are listed to the owner only. Versioned: the ETag is the If-Match of …/client/identity-code and …/client/links. Audited as IDENTITY, with the basis it was shown on.',
    dataClasses: ['PATH'],
    answer: 'one',
    versioned: true,
  })
  client(@Param('pathId', ParseUUIDPipe) pathId: string, @Req() request: FastifyRequest) {
    return this.bus.send(INTAKE_COMMANDS.getClient, { pathId }, commandMetadataOf(request));
  }
}
