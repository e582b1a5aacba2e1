import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import {
  AgreePlanCommand,
  type PageQueryPayload,
  pageFromRows,
  PLAN_COMMANDS,
  RevisePlanCommand,
} from '@polku/contracts';
import { checkPathAccess } from '@polku/path-access';
import {
  NotFoundError,
  type PathRequest,
  RequestPrincipal,
  requireExpectedVersion,
  requirePage,
  requirePathId,
  validateCommand,
  VersionedPathRequest,
} from '@polku/service-runtime';
import { DataSource } from 'typeorm';
import { PlanAgreementService } from './plan-agreement.service';
import { partiesInRegistryRoles } from './plan-party-roles';
import { PlanRevisionService } from './plan-revision.service';
import { planHistoryView, planView } from './plan-views';
import {
  latestGoalProgress,
  PLAN_HISTORY_SORT,
  planOfPath,
  planVersion,
  planVersionPage,
} from './plan.repository';

/** The registry roles the gateway attached to a plan command (PlanPartyRegistryRoles). */
const registryRolesOf = (request: PathRequest): unknown =>
  (request as PathRequest & { partyRoles?: unknown }).partyRoles;

/**
 * The path's activation plan: agreed once (version 1), revised whole (every version kept),
 * read with its goals' latest progress, and its history with a readable diff per version. PLAN
 * data: only the plan's parties covered for it (by law or the client's consent) see it.
 */
@Controller()
export class PlansHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agreement: PlanAgreementService,
    private readonly revision: PlanRevisionService,
  ) {}

  @MessagePattern(PLAN_COMMANDS.agreePlan)
  async agree(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const command = validateCommand(AgreePlanCommand, request.body);
    const parties = partiesInRegistryRoles(command.parties, registryRolesOf(request));
    return this.agreement.agree(principal, { pathId, command, parties });
  }

  @MessagePattern(PLAN_COMMANDS.revisePlan)
  async revise(@Payload() request: VersionedPathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    const expectedVersion = requireExpectedVersion(request);
    const command = validateCommand(RevisePlanCommand, request.body);
    const parties = partiesInRegistryRoles(command.parties, registryRolesOf(request));
    return this.revision.revise(principal, { pathId, expectedVersion, command, parties });
  }

  @MessagePattern(PLAN_COMMANDS.getPlan)
  async get(@Payload() request: PathRequest, @RequestPrincipal() principal: Principal) {
    const pathId = requirePathId(request);
    await checkPathAccess(this.dataSource, { principal, pathId, dataClass: 'PLAN' });
    const plan = await planOfPath(this.dataSource, pathId);
    if (plan === undefined) {
      throw new NotFoundError('the path has no activation plan');
    }
    const { content } = await planVersion(this.dataSource, {
      planId: plan.id,
      version: plan.version,
    });
    return planView({
      plan,
      content,
      progress: await latestGoalProgress(this.dataSource, plan.id),
    });
  }

  @MessagePattern(PLAN_COMMANDS.getPlanHistory)
  async history(
    @Payload() request: PathRequest & PageQueryPayload,
    @RequestPrincipal() principal: Principal,
  ) {
    const pathId = requirePathId(request);
    const page = requirePage(request, { sort: PLAN_HISTORY_SORT });
    await checkPathAccess(this.dataSource, { principal, pathId, dataClass: 'PLAN' });
    const plan = await planOfPath(this.dataSource, pathId);
    if (plan === undefined) {
      throw new NotFoundError('the path has no activation plan');
    }
    const { items: versions, nextCursor } = pageFromRows({
      rows: await planVersionPage(this.dataSource, { planId: plan.id, ...page }),
      limit: page.limit,
      positionOf: (row) => ({ key: row.version, id: String(row.version) }),
      sort: PLAN_HISTORY_SORT,
    });
    // The first version of the page is diffed against the one before it, on the page before.
    const first = versions.at(0)?.version ?? 1;
    const previous =
      first > 1
        ? (await planVersion(this.dataSource, { planId: plan.id, version: first - 1 })).content
        : null;
    return { ...planHistoryView(plan, { versions, previous }), nextCursor };
  }
}
