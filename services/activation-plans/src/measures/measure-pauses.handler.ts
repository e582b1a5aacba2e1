import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { PauseMeasureCommand, PLAN_COMMANDS } from '@polku/contracts';
import {
  type PathItemRequest,
  RequestPrincipal,
  requireEmptyBody,
  requireExpectedVersion,
  requireItemId,
  requirePathId,
  validateCommand,
  type VersionedPathRequest,
} from '@polku/service-runtime';
import { MeasurePauseService } from './measure-pause.service';

/**
 * A measure paused, not ended (a treatment period or sick leave does not end the client
 * relationship), and resumed. HEALTH_FLAG: the reason category, and the from–to of a pause,
 * can reveal health, so only organisations the client's consent covers for it pause or resume.
 */
@Controller()
export class MeasurePausesHandler {
  constructor(private readonly pauses: MeasurePauseService) {}

  @MessagePattern(PLAN_COMMANDS.pauseMeasure)
  async pause(
    @Payload() request: PathItemRequest & VersionedPathRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const measureId = requireItemId(request, 'measure');
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(PauseMeasureCommand, request.body);
    return this.pauses.pause(principal, { pathId, measureId, expectedVersion, command });
  }

  @MessagePattern(PLAN_COMMANDS.resumeMeasure)
  async resume(
    @Payload() request: PathItemRequest & VersionedPathRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const measureId = requireItemId(request, 'measure');
    const expectedVersion = requireExpectedVersion(request);
    requireEmptyBody(request);
    return this.pauses.resume(principal, { pathId, measureId, expectedVersion });
  }
}
