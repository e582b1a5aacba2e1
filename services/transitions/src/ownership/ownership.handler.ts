import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { ChangeResponsibleWorkerCommand, TRANSITION_COMMANDS } from '@polku/contracts';
import {
  RequestPrincipal,
  requireExpectedVersion,
  requirePathId,
  validateCommand,
  type VersionedPathRequest,
} from '@polku/service-runtime';
import { OwnershipService } from './ownership.service';

/** Changing the responsible worker over NATS. Thin: validate, then OwnershipService. */
@Controller()
export class OwnershipHandler {
  constructor(private readonly ownership: OwnershipService) {}

  @MessagePattern(TRANSITION_COMMANDS.changeResponsibleWorker)
  changeWorker(@Payload() request: VersionedPathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(ChangeResponsibleWorkerCommand, request.body);
    return this.ownership.changeWorker({ principal, pathId, expectedVersion, command });
  }
}
