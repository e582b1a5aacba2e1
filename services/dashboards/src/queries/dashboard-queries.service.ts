import { Injectable } from '@nestjs/common';
import type { Principal } from '@polku/auth';
import {
  DASHBOARD_VIEWS,
  type DashboardFilters,
  type DashboardPage,
  type DashboardTable,
  type DashboardViewName,
} from '@polku/contracts';
import { finnishDateOf } from '@polku/timers';
import { DataSource } from 'typeorm';
import { resolveFilters } from '../filters/resolve-filters';
import { dashboardTable } from '../views/dashboard-table';
import { DASHBOARD_VIEW_READERS } from '../views/dashboard-views';
import type { ViewContext } from '../views/view-context';
import { organisationOfScope, requireManager } from './dashboard-access';

/** Answers the dashboard views for a manager (docs/dashboards.md). */
@Injectable()
export class DashboardQueriesService {
  constructor(private readonly dataSource: DataSource) {}

  /** One view under the filters. */
  async view(
    principal: Principal,
    view: DashboardViewName,
    filters: DashboardFilters,
  ): Promise<DashboardTable> {
    const context = this.contextOf(principal, filters);
    return this.read(view, context);
  }

  /**
   * Every view under the same filters, read concurrently from the pool: each view is one
   * statement and protected on its own (docs/dashboards.md, "Suppression").
   */
  async page(principal: Principal, filters: DashboardFilters): Promise<DashboardPage> {
    const context = this.contextOf(principal, filters);
    return { views: await Promise.all(DASHBOARD_VIEWS.map((view) => this.read(view, context))) };
  }

  private contextOf(principal: Principal, filters: DashboardFilters): ViewContext {
    requireManager(principal);
    // Today from the process's clock (a simulated clock patches Date), in Finland.
    const resolved = resolveFilters(filters, finnishDateOf(new Date()));
    const orgId = organisationOfScope(principal, resolved.scope);
    return { ...resolved, ...(orgId === undefined ? {} : { orgId }) };
  }

  private async read(view: DashboardViewName, context: ViewContext): Promise<DashboardTable> {
    const layout = await DASHBOARD_VIEW_READERS[view].read(this.dataSource, context);
    return dashboardTable(view, context, layout);
  }
}
