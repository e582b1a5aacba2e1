import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import {
  INTAKE_COMMANDS,
  LinkClientsCommand,
  RecordIdentityCodeCommand,
  type PathScoped,
} from '@polku/contracts';
import { RequestPrincipal, requireExpectedVersion, validateCommand } from '@polku/service-runtime';
import { ClientLinkService } from './client-link.service';
import { IdentityVerificationService } from './identity-verification.service';

/**
 * A client referred with a temporary code or none: its owner records the permanent code, and
 * links or unlinks possible duplicates (docs/identity.md). Every command needs If-Match with the
 * client's version.
 */
@Controller()
export class ClientIdentityHandler {
  constructor(
    private readonly verification: IdentityVerificationService,
    private readonly links: ClientLinkService,
  ) {}

  @MessagePattern(INTAKE_COMMANDS.recordIdentityCode)
  async recordIdentityCode(
    @Payload() request: PathScoped<unknown> & { expectedVersion: number },
    @RequestPrincipal() principal: Principal,
  ) {
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(RecordIdentityCodeCommand, request.body);
    return this.verification.recordCode(principal, {
      pathId: request.pathId,
      expectedVersion,
      command,
    });
  }

  @MessagePattern(INTAKE_COMMANDS.linkClients)
  async link(
    @Payload() request: PathScoped<unknown> & { expectedVersion: number },
    @RequestPrincipal() principal: Principal,
  ) {
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(LinkClientsCommand, request.body);
    return this.links.link(principal, {
      pathId: request.pathId,
      expectedVersion,
      duplicateRef: command.duplicateRef,
    });
  }

  @MessagePattern(INTAKE_COMMANDS.unlinkClients)
  async unlink(
    @Payload() request: PathScoped<unknown> & { id: string; expectedVersion: number },
    @RequestPrincipal() principal: Principal,
  ) {
    const expectedVersion = requireExpectedVersion(request);
    return this.links.unlink(principal, {
      pathId: request.pathId,
      expectedVersion,
      linkId: request.id,
    });
  }
}
