import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  INTAKE_COMMANDS,
  LinkClientsCommand,
  RecordIdentityCodeCommand,
  type ClientIdentityStatusResult,
  type ClientLinkResult,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { IfMatchVersion } from '../http/concurrency/if-match-version.decorator';
import { ClientDataCommand } from '../http/endpoint-kinds';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';

/**
 * The identity of a client referred with a temporary code or none (docs/identity.md): the
 * path's owner records the permanent code and links or unlinks possible duplicates. Each is a
 * client-data command, so each leaves an audit row; If-Match is the client's version (the ETag
 * of GET …/client).
 */
@ApiTags('clients')
@Controller('paths/:pathId/client')
export class ClientIdentityController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post('identity-code')
  @ClientDataCommand({
    summary:
      'Record the permanent personal identity code of a client whose identity is not verified',
    description:
      'By the path’s owner (403 for other parties), with If-Match on the client’s version. When no other client has the code, the identity becomes verified. Possible duplicates — another client with the same code, or an unverified client with the same names and birth date — are listed as opaque `duplicateRef`s with the kind of match, nothing else. A code is recorded once per client: a verified or linked client, or one whose code another client has, answers 409.',
    dataClasses: ['PATH'],
    body: RecordIdentityCodeCommand,
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  recordIdentityCode(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: RecordIdentityCodeCommand,
    @Req() request: FastifyRequest,
  ): Promise<ClientIdentityStatusResult> {
    return this.bus.send<ClientIdentityStatusResult>(
      INTAKE_COMMANDS.recordIdentityCode,
      { pathId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('links')
  @ClientDataCommand({
    summary: 'Link the client and a possible duplicate as one person',
    description:
      'By the path’s owner, with If-Match on the client’s version, for a `duplicateRef` listed for this client. The unverified record of the two points to the verified one; paths keep their clientRef. Audited; undone with …/links/{linkId}/removal.',
    dataClasses: ['PATH'],
    body: LinkClientsCommand,
    status: 201,
    idempotent: false,
    ifMatch: true,
  })
  link(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() command: LinkClientsCommand,
    @Req() request: FastifyRequest,
  ): Promise<ClientLinkResult> {
    return this.bus.send<ClientLinkResult>(
      INTAKE_COMMANDS.linkClients,
      { pathId, expectedVersion, body: command },
      commandMetadataOf(request),
    );
  }

  @Post('links/:linkId/removal')
  @ClientDataCommand({
    summary: 'Remove a link made on this path',
    description:
      'By the path’s owner, with If-Match on the client’s version: the unverified record stands alone again and the duplicate can be linked again. Audited; the link’s row keeps who made and removed it.',
    dataClasses: ['PATH'],
    body: 'none',
    status: 200,
    idempotent: false,
    ifMatch: true,
  })
  unlink(
    @Param('pathId', ParseUUIDPipe) pathId: string,
    @Param('linkId', ParseUUIDPipe) linkId: string,
    @IfMatchVersion() expectedVersion: number,
    @Req() request: FastifyRequest,
  ): Promise<ClientLinkResult> {
    return this.bus.send<ClientLinkResult>(
      INTAKE_COMMANDS.unlinkClients,
      { pathId, id: linkId, expectedVersion, body: {} },
      commandMetadataOf(request),
    );
  }
}
