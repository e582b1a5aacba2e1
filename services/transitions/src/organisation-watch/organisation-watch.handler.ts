import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import {
  AnnounceFundingEndingCommand,
  type PageQueryPayload,
  TRANSITION_COMMANDS,
} from '@polku/contracts';
import {
  type OrganisationRequest,
  RequestPrincipal,
  requireOrgId,
  requirePage,
  validateCommand,
} from '@polku/service-runtime';
import { LOST_PATHS_SORT, LostPathsService } from '../lost-paths/lost-paths.service';
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
  listLostPaths(@Payload() request: PageQueryPayload, @RequestPrincipal() principal: Principal) {
    assertLeadOf(principal);
    const page = requirePage(request, { sort: LOST_PATHS_SORT });
    return this.lostPaths.ofOrganisation(principal.orgId, page);
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
