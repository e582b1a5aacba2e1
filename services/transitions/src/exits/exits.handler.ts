import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { ClosePathCommand, ExitPathCommand, TRANSITION_COMMANDS } from '@polku/contracts';
import {
  RequestPrincipal,
  requireExpectedVersion,
  requirePathId,
  validateCommand,
  type VersionedPathRequest,
} from '@polku/service-runtime';
import { ExitsService } from './exits.service';

/** Exit and closing commands over NATS, at the path version read. Thin: validate, then ExitsService. */
@Controller()
export class ExitsHandler {
  constructor(private readonly exits: ExitsService) {}

  @MessagePattern(TRANSITION_COMMANDS.exitPath)
  exit(@Payload() request: VersionedPathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(ExitPathCommand, request.body);
    return this.exits.exit({ principal, pathId, expectedVersion, command });
  }

  @MessagePattern(TRANSITION_COMMANDS.closePath)
  close(@Payload() request: VersionedPathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const expectedVersion = requireExpectedVersion(request);
    validateCommand(ClosePathCommand, request.body ?? {});
    return this.exits.close({ principal, pathId, expectedVersion });
  }
}
