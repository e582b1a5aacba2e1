import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import { AnnounceFundingEndingCommand, TRANSITION_COMMANDS } from '@polku/contracts';
import {
  type OrganisationRequest,
  RequestPrincipal,
  requireOrgId,
  validateCommand,
} from '@polku/service-runtime';
import { LostPathsService } from '../lost-paths/lost-paths.service';
import { FundingEndingService } from './funding-ending.service';
import { assertLeadOf } from './organisation-access';

/**
 * What team leads and managers watch over for their own organisation: its lost paths (should
 * be none), and announcing that its funding ends. Both answer no client data.
 */
@Controller()
export class OrganisationWatchHandler {
  constructor(
    private readonly lostPaths: LostPathsService,
    private readonly fundingEnding: FundingEndingService,
  ) {}

  @MessagePattern(TRANSITION_COMMANDS.listLostPaths)
  listLostPaths(@RequestPrincipal() principal: Principal) {
    assertLeadOf(principal);
    return this.lostPaths.ofOrganisation(principal.orgId);
  }

  @MessagePattern(TRANSITION_COMMANDS.announceFundingEnding)
  announceFundingEnding(
    @Payload() request: OrganisationRequest,
    @RequestPrincipal() principal: Principal,
  ) {
    const orgId = requireOrgId(request);
    assertLeadOf(principal, orgId);
    const command = validateCommand(AnnounceFundingEndingCommand, request.body);
    return this.fundingEnding.announce(principal, command.endDate);
  }
}
