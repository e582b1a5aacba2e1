import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { INTAKE_COMMANDS, RegisterOrganisationCommand } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { AggregateEndpoint } from '../http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

const DIRECTORY = 'the directory of organisations: names and roles, no client data';

/** The organisations polku knows: where a referral may go. No client data. */
@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get()
  @AggregateEndpoint({
    summary: 'Every organisation, with its role and whether it is active, by name',
    noClientData: DIRECTORY,
    answer: 'page',
  })
  list(@PageQuery() page: PageRequest, @Req() request: FastifyRequest) {
    return this.bus.send(
      INTAKE_COMMANDS.listOrganisations,
      { limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }

  @Put(':orgId')
  @AggregateEndpoint({
    summary: 'Register, rename or retire an organisation (administrators)',
    description:
      'A REGISTRY_ADMIN keeps every organisation; an ADMIN only the name and active flag of its own (403 otherwise). Needs If-Match with the version listed for the organisation, or "0" to register a new one (412 when it changed since). Every change and refusal is logged. Outside production the Kainuu demo organisations are registered at start-up.',
    noClientData: DIRECTORY,
    command: { body: RegisterOrganisationCommand, status: 200, idempotent: false, ifMatch: true },
  })
  register(
    @Param('orgId', ParseUUIDPipe) orgId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: RegisterOrganisationCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.registerOrganisation,
      { id: orgId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }
}
