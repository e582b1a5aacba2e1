import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  AcceptReferralCommand,
  CreateReferralCommand,
  DeclineReferralCommand,
  INTAKE_COMMANDS,
  LinkReferralCommand,
  type CreateReferralResult,
  type PageQueryPayload,
  pageFromRows,
  type PathScoped,
  type VersionedPathCommand,
} from '@polku/contracts';
import { RequestPrincipal, requirePage, validateCommand } from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { IntakePathFacts } from '../access/intake-path-facts';
import { ReferralCreationService } from './referral-creation.service';
import { ReferralDecisionService } from './referral-decision.service';
import { ReferralLinkService } from './referral-link.service';
import { referralView } from './referral-views';
import { REFERRALS_SORT, referralPageOfPath } from './referral.repository';

/**
 * Referrals: a referring organisation refers a client to a provider; the provider accepts or
 * declines.
 */
@Controller()
export class ReferralsHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly facts: IntakePathFacts,
    private readonly creation: ReferralCreationService,
    private readonly decisions: ReferralDecisionService,
    private readonly links: ReferralLinkService,
  ) {}

  @MessagePattern(INTAKE_COMMANDS.createReferral)
  async create(
    @Payload() body: unknown,
    @RequestPrincipal() principal: Principal,
  ): Promise<CreateReferralResult> {
    const command = validateCommand(CreateReferralCommand, body);
    return this.creation.create(principal, command);
  }

  @MessagePattern(INTAKE_COMMANDS.acceptReferral)
  async accept(
    @Payload() request: VersionedPathCommand<unknown>,
    @RequestPrincipal() principal: Principal,
  ) {
    const command = validateCommand(AcceptReferralCommand, request.body);
    return this.decisions.accept(principal, answerOf(request, command));
  }

  @MessagePattern(INTAKE_COMMANDS.declineReferral)
  async decline(
    @Payload() request: VersionedPathCommand<unknown>,
    @RequestPrincipal() principal: Principal,
  ) {
    const command = validateCommand(DeclineReferralCommand, request.body);
    return this.decisions.decline(principal, answerOf(request, command));
  }

  /** The owner of the client's open path joins another organisation's referral to it. */
  @MessagePattern(INTAKE_COMMANDS.linkReferral)
  async link(@Payload() request: PathScoped<unknown>, @RequestPrincipal() principal: Principal) {
    const command = validateCommand(LinkReferralCommand, request.body);
    return this.links.link(principal, { pathId: request.pathId, referralId: command.referralId });
  }

  @MessagePattern(INTAKE_COMMANDS.listReferrals)
  async list(
    @Payload() request: PathScoped<unknown> & PageQueryPayload,
    @RequestPrincipal() principal: Principal,
  ) {
    const page = requirePage(request, { sort: REFERRALS_SORT });
    await this.facts.assertAccess(principal, request.pathId, 'PATH');
    const rows = await referralPageOfPath(this.dataSource.manager, {
      pathId: request.pathId,
      ...page,
    });
    return pageFromRows({
      rows,
      limit: page.limit,
      positionOf: (row) => ({ key: row.sort_key, id: row.id }),
      toItem: referralView,
      sort: REFERRALS_SORT,
    });
  }
}

function answerOf<T>(request: VersionedPathCommand<unknown>, command: T) {
  return {
    pathId: request.pathId,
    referralId: request.id,
    expectedVersion: request.expectedVersion,
    command,
  };
}
