import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import {
  CompleteFollowUpCommand,
  type FollowUpOwnerRegistryRole,
  RehomeFollowUpsCommand,
  TRANSITION_COMMANDS,
} from '@polku/contracts';
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

  /**
   * The gateway attaches the receiver's registry role (`toOrgRole`); a request without it is
   * treated as naming no active organisation.
   */
  @MessagePattern(TRANSITION_COMMANDS.rehomeFollowUps)
  rehome(
    @Payload() request: VersionedPathRequest & Partial<FollowUpOwnerRegistryRole>,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(RehomeFollowUpsCommand, request.body);
    const toOrgRole = typeof request.toOrgRole === 'string' ? request.toOrgRole : null;
    return this.followUps.rehome({ principal, pathId, expectedVersion, command, toOrgRole });
  }
}
