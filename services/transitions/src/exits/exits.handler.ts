import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { ClosePathCommand, ExitPathCommand, TRANSITION_COMMANDS } from '@polku/contracts';
import {
  type PathRequest,
  RequestPrincipal,
  requirePathId,
  validateCommand,
} from '@polku/service-runtime';
import { ExitsService } from './exits.service';

/** Exit and closing commands over NATS. Thin: validate, then ExitsService. */
@Controller()
export class ExitsHandler {
  constructor(private readonly exits: ExitsService) {}

  @MessagePattern(TRANSITION_COMMANDS.exitPath)
  exit(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(ExitPathCommand, request.body);
    return this.exits.exit({ principal, pathId, command });
  }

  @MessagePattern(TRANSITION_COMMANDS.closePath)
  close(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    validateCommand(ClosePathCommand, request.body ?? {});
    return this.exits.close(principal, pathId);
  }
}
