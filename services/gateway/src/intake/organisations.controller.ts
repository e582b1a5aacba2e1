import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { INTAKE_COMMANDS, RegisterOrganisationCommand } from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { NotClientData } from '../access/client-data.decorator';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/** The organisations polku knows: where a referral may go. No client data. */
@ApiTags('organisations')
@ApiBearerAuth('bearer')
@NotClientData('the directory of organisations: names and roles, no client data')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get()
  @ApiOperation({ summary: 'Every organisation, with its role and whether it is active' })
  list(@Req() request: FastifyRequest) {
    return this.bus.send(INTAKE_COMMANDS.listOrganisations, {}, commandMetadataOf(request));
  }

  @Put(':orgId')
  @ApiOperation({
    summary: 'Register, rename or retire an organisation (administrators)',
    description:
      'Idempotent by nature (PUT). Outside production the Kainuu demo organisations are registered at start-up.',
  })
  register(
    @Param('orgId', ParseUUIDPipe) orgId: string,
    @Body() command: RegisterOrganisationCommand,
    @Req() request: FastifyRequest,
  ) {
    return this.bus.send(
      INTAKE_COMMANDS.registerOrganisation,
      { id: orgId, body: command },
      commandMetadataOf(request),
    );
  }
}
