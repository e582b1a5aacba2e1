import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { CompleteFollowUpCommand, TRANSITION_COMMANDS } from '@polku/contracts';
import {
  type PathItemRequest,
  RequestPrincipal,
  requireExpectedVersion,
  requireItemId,
  requirePathId,
  validateCommand,
  type VersionedPathRequest,
} from '@polku/service-runtime';
import { FollowUpsService } from './follow-ups.service';

/** Follow-up commands over NATS. Thin: validate, then FollowUpsService. */
@Controller()
export class FollowUpsHandler {
  constructor(private readonly followUps: FollowUpsService) {}

  @MessagePattern(TRANSITION_COMMANDS.completeFollowUp)
  complete(
    @Payload() request: PathItemRequest & VersionedPathRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const followUpId = requireItemId(request, 'follow-up');
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(CompleteFollowUpCommand, request.body);
    return this.followUps.complete({ principal, pathId, followUpId, expectedVersion, command });
  }
}
