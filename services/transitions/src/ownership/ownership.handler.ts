import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { ChangeResponsibleWorkerCommand, TRANSITION_COMMANDS } from '@polku/contracts';
import {
  type PathRequest,
  RequestPrincipal,
  requirePathId,
  validateCommand,
} from '@polku/service-runtime';
import { OwnershipService } from './ownership.service';

/** Changing the responsible worker over NATS. Thin: validate, then OwnershipService. */
@Controller()
export class OwnershipHandler {
  constructor(private readonly ownership: OwnershipService) {}

  @MessagePattern(TRANSITION_COMMANDS.changeResponsibleWorker)
  changeWorker(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(ChangeResponsibleWorkerCommand, request.body);
    return this.ownership.changeWorker({ principal, pathId, command });
  }
}
