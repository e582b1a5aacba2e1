import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  DASHBOARD_COMMANDS,
  DashboardFilters,
  type DashboardPage,
  type DashboardTable,
  type DashboardViewName,
} from '@polku/contracts';
import type { FastifyRequest } from 'fastify';
import { commandMetadataOf, ServiceCommandBus } from '../service-client/service-command-bus';
import { DashboardFilterQueries, DashboardViewParameterDocs } from './dashboard-filter-docs';
import { dashboardQueryOf, DashboardViewParameters, filtersOf } from './dashboard-query';
import { DashboardRead } from './dashboard-read.decorator';

/**
 * The managers' dashboards (docs/dashboards.md): aggregate figures of the paths, after
 * small-cell suppression, for the caller's organisation or the whole region. The gateway lets
 * only managers ask, refuses any parameter that is not a filter, and forwards the filters; the
 * dashboards service scopes the figures to the caller's organisation from the signed token.
 */
@ApiTags('dashboards')
@Controller('dashboards')
export class DashboardsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Get()
  @DashboardRead({
    summary: 'Every dashboard view under the same filters (MANAGER)',
    description:
      'One table per view (`views`), as `GET /dashboards/{view}` answers each. ORGANISATION (the default): the caller’s organisation’s figures; REGION: every organisation’s together, never broken down by organisation. A count of 1–4 clients shows `<5`, a cell that would give one away from the totals `..`. JSON only; each view is also a CSV file at its own route. 403 for anyone but a manager.',
    csv: false,
  })
  @DashboardFilterQueries()
  page(
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
  ): Promise<DashboardPage> {
    const filters = dashboardQueryOf(DashboardFilters, query);
    return this.bus.send(DASHBOARD_COMMANDS.page, { ...filters }, commandMetadataOf(request));
  }

  @Get(':view')
  @DashboardRead({
    summary: 'One dashboard view as a table, in JSON or as a CSV file (MANAGER)',
    description:
      'Rows are categories (a destination, a step, a link, a reason…), columns the periods in range and the total, or the count, median and 90th percentile of days. Each cell has its `value` and its `display`: a count of 1–4 clients is `<5` and a cell that would give one away from the totals `..`, in JSON and CSV alike. `?format=csv` or `Accept: text/csv` answers the same table as `polku-<view>-<from>-<to>.csv`: a header row (`key;group;from;to` and the column keys), one line per row with each cell’s `display`, the total row last. 403 for anyone but a manager.',
    csv: true,
  })
  @DashboardViewParameterDocs()
  @DashboardFilterQueries()
  view(
    @Param('view') view: DashboardViewName,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
  ): Promise<DashboardTable> {
    const filters = filtersOf(dashboardQueryOf(DashboardViewParameters, query));
    return this.bus.send(DASHBOARD_COMMANDS.view, { ...filters, view }, commandMetadataOf(request));
  }
}
