import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type FollowUpOwnerRegistryRole,
  INTAKE_COMMANDS,
  RehomeFollowUpsCommand,
  TRANSITION_COMMANDS,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { ClientDataCommand } from '../http/endpoint-kinds';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * Who follows an exited client up: the owner re-homes the follow-ups to another organisation,
 * e.g. before its funding ends (docs/transitions.md). The receiver's role comes from the
 * organisation registry (client-intake keeps it), never from the caller's body.
 */
@ApiTags('transitions')
@Controller('paths/:pathId/follow-ups')
export class FollowUpOwnerController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post('re-home')
  @ClientDataCommand({
    summary: 'Re-home the follow-ups to another organisation and its named worker',
    description:
      'By the accountable organisation of a path in follow-up: the employment authority, social services, the joint service (TYP) or another provider takes the follow-ups over with the named worker (OwnershipTransferred). 400 when the organisation is not in the registry or does not follow clients up; 409 before the exit (use a hand-off) or to the organisation that has them already.',
    dataClasses: ['PATH'],
    body: RehomeFollowUpsCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  async rehome(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: RehomeFollowUpsCommand,
    @Req() request: FastifyRequest,
  ) {
    const { roles } = await this.bus.send<{ roles: Record<string, string> }>(
      INTAKE_COMMANDS.organisationRoles,
      { orgIds: [command.toOrgId] },
      commandMetadataOf(request),
    );
    const registry: FollowUpOwnerRegistryRole = { toOrgRole: roles[command.toOrgId] ?? null };
    return this.bus.send(
      TRANSITION_COMMANDS.rehomeFollowUps,
      { pathId, expectedVersion, body: command, ...registry },
      commandMetadataOf(request),
    );
  }
}
