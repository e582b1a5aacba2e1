import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import {
  CompleteIntakeCommand,
  INTAKE_COMMANDS,
  ReferParallelServiceCommand,
  ResolveBasicNeedCommand,
  type PathScoped,
} from '@polku/contracts';
import { RequestPrincipal, requireExpectedVersion, validateCommand } from '@polku/service-runtime';
import { IntakePathFacts } from '../access/intake-path-facts';
import { IntakeAssessmentService } from './intake-assessment.service';
import { ParallelServiceService } from './parallel-service.service';

/** The intake assessment, its action items, and parallel services: all HEALTH_FLAG data. */
@Controller()
export class IntakeHandler {
  constructor(
    private readonly facts: IntakePathFacts,
    private readonly assessments: IntakeAssessmentService,
    private readonly parallelServices: ParallelServiceService,
  ) {}

  @MessagePattern(INTAKE_COMMANDS.completeIntake)
  async complete(
    @Payload() request: PathScoped<unknown>,
    @RequestPrincipal() principal: Principal,
  ) {
    const command = validateCommand(CompleteIntakeCommand, request.body);
    return this.assessments.complete(principal, { pathId: request.pathId, command });
  }

  @MessagePattern(INTAKE_COMMANDS.resolveBasicNeed)
  async resolve(
    @Payload() request: PathScoped<unknown> & { id: string; expectedVersion: number },
    @RequestPrincipal() principal: Principal,
  ) {
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(ResolveBasicNeedCommand, request.body);
    return this.assessments.resolve(principal, {
      pathId: request.pathId,
      actionItemId: request.id,
      expectedVersion,
      command,
    });
  }

  @MessagePattern(INTAKE_COMMANDS.referParallelService)
  async referParallelService(
    @Payload() request: PathScoped<unknown>,
    @RequestPrincipal() principal: Principal,
  ) {
    const command = validateCommand(ReferParallelServiceCommand, request.body);
    return this.parallelServices.refer(principal, { pathId: request.pathId, command });
  }

  @MessagePattern(INTAKE_COMMANDS.getIntake)
  async get(@Payload() request: PathScoped<unknown>, @RequestPrincipal() principal: Principal) {
    await this.facts.assertAccess(principal, request.pathId, 'HEALTH_FLAG');
    return this.assessments.intakeOf(request.pathId);
  }
}
