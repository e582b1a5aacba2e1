import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { INTAKE_COMMANDS, type PathScoped } from '@polku/contracts';
import { RequestPrincipal } from '@polku/service-runtime';
import { IntakePathFacts } from '../access/intake-path-facts';
import { PriorInformationService } from './prior-information.service';

/** Reading a referral's prior information, field by field as far as consent covers it. */
@Controller()
export class PriorInformationHandler {
  constructor(
    private readonly facts: IntakePathFacts,
    private readonly priorInformation: PriorInformationService,
  ) {}

  @MessagePattern(INTAKE_COMMANDS.getPriorInformation)
  async get(
    @Payload() request: PathScoped<unknown> & { id: string },
    @RequestPrincipal() principal: Principal,
  ) {
    const { facts } = await this.facts.assertAccess(principal, request.pathId, 'PATH');
    return this.priorInformation.read({
      principal,
      facts,
      pathId: request.pathId,
      referralId: request.id,
    });
  }
}
