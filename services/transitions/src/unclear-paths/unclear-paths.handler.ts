import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { ReviewUnclearPathCommand, TRANSITION_COMMANDS } from '@polku/contracts';
import {
  RequestPrincipal,
  requireExpectedVersion,
  requirePathId,
  validateCommand,
  type VersionedPathRequest,
} from '@polku/service-runtime';
import { UnclearPathsService } from './unclear-paths.service';

/** Reviews of unclear paths over NATS. Thin: validate, then UnclearPathsService. */
@Controller()
export class UnclearPathsHandler {
  constructor(private readonly unclearPaths: UnclearPathsService) {}

  @MessagePattern(TRANSITION_COMMANDS.reviewUnclearPath)
  review(@Payload() request: VersionedPathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(ReviewUnclearPathCommand, request.body ?? {});
    return this.unclearPaths.review({ principal, pathId, expectedVersion, command });
  }
}
