import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Principal } from '@polku/auth';
import {
  DASHBOARD_COMMANDS,
  DashboardFilters,
  DashboardViewQuery,
  type DashboardPage,
  type DashboardTable,
} from '@polku/contracts';
import { RequestPrincipal, validateCommand } from '@polku/service-runtime';
import { requireManager } from './dashboard-access';
import { DashboardQueriesService } from './dashboard-queries.service';

/**
 * The managers' dashboards over NATS: one view, or every view of a page, under the filters.
 * The caller is the verified principal of the internal token; the role is checked before the
 * body, so a caller who may not read dashboards learns nothing of them; the body is validated
 * again here (the gateway's validation is not trusted).
 */
@Controller()
export class DashboardQueriesHandler {
  constructor(private readonly queries: DashboardQueriesService) {}

  @MessagePattern(DASHBOARD_COMMANDS.view)
  async view(
    @Payload() request: unknown,
    @RequestPrincipal() principal: Principal,
  ): Promise<DashboardTable> {
    requireManager(principal);
    const { view, ...filters } = validateCommand(DashboardViewQuery, request ?? {});
    return this.queries.view(principal, view, filters);
  }

  @MessagePattern(DASHBOARD_COMMANDS.page)
  async page(
    @Payload() request: unknown,
    @RequestPrincipal() principal: Principal,
  ): Promise<DashboardPage> {
    requireManager(principal);
    return this.queries.page(principal, validateCommand(DashboardFilters, request ?? {}));
  }
}
