import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { StartWaitingCommand, TRANSITION_COMMANDS } from '@polku/contracts';
import {
  type PathItemRequest,
  type PathRequest,
  RequestPrincipal,
  requireEmptyBody,
  requireExpectedVersion,
  requireItemId,
  requirePathId,
  validateCommand,
  type VersionedPathRequest,
} from '@polku/service-runtime';
import { WaitsService } from './waits.service';

/** Wait commands over NATS. Thin: validate, then WaitsService. */
@Controller()
export class WaitsHandler {
  constructor(private readonly waits: WaitsService) {}

  @MessagePattern(TRANSITION_COMMANDS.startWaiting)
  start(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(StartWaitingCommand, request.body);
    return this.waits.start({ principal, pathId, command });
  }

  @MessagePattern(TRANSITION_COMMANDS.endWaiting)
  end(
    @Payload() request: PathItemRequest & VersionedPathRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const waitId = requireItemId(request, 'wait');
    const expectedVersion = requireExpectedVersion(request);
    requireEmptyBody(request);
    return this.waits.end({ principal, pathId, waitId, expectedVersion });
  }
}
