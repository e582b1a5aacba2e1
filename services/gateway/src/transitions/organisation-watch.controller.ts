import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AnnounceFundingEndingCommand, TRANSITION_COMMANDS } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { AggregateEndpoint, ClientDataList } from '../http/endpoint-kinds';
import { PageQuery, type PageRequest } from '../http/pagination/page-query.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * What team leads and managers watch over for their organisation: lost paths and escalations,
 * and a provider's funding coming to an end. The service scopes both to the caller's own
 * organisation.
 */
@ApiTags('transitions')
@Controller()
export class OrganisationWatchController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get('lost-paths')
  @ClientDataList({
    summary: 'Lost paths of the caller’s organisation (team leads and managers)',
    description:
      'Paths the organisation is accountable for with no owner, no next step, a missed follow-up, or a next step escalated to the manager and still overdue, one page at a time; plus the total count. Should be empty. Pseudonymous path ids and the organisation’s own worker ids, no identity; each read is audited with the number of rows.',
    dataClasses: ['PATH'],
    organisationBasis: 'owner',
  })
  lostPaths(@PageQuery() page: PageRequest, @Req() request: FastifyRequest) {
    return this.bus.send(
      TRANSITION_COMMANDS.listLostPaths,
      { limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }

  @Post('organisations/:orgId/funding-ending')
  @AggregateEndpoint({
    summary: 'Announce that a provider’s funding ends (its team lead or manager)',
    description:
      'Every active path the provider is accountable for gets the next step “re-home before the funding ends”, due the day before, and escalates when it is still open then.',
    noClientData:
      'an organisation’s own funding end date; the answer is the number of paths affected',
    command: { body: AnnounceFundingEndingCommand, status: 200, idempotent: true },
  })
  announceFundingEnding(
    @Param('orgId', ParseUUIDPipe) orgId: string,
    @Body() command: AnnounceFundingEndingCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      TRANSITION_COMMANDS.announceFundingEnding,
      { orgId, body: command },
      commandMetadataOf(request),
    );
  }
}
