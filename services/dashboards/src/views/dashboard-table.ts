import type { DashboardTable, DashboardViewName } from '@polku/contracts';
import { suppressTable } from '../suppression/suppress-table';
import { rawTableOf, type Layout } from './layout';
import type { ViewContext } from './view-context';

/**
 * A view's answer: its counts laid out, suppressed (docs/dashboards.md, "Suppression"), and
 * labelled with what was asked. Only counts, medians, percentiles and shares of cells leave.
 */
export function dashboardTable(
  view: DashboardViewName,
  context: ViewContext,
  layout: Layout,
): DashboardTable {
  const table = suppressTable(rawTableOf(layout));
  return {
    view,
    scope: context.scope,
    ...(context.orgId === undefined ? {} : { orgId: context.orgId }),
    period: context.period,
    from: context.from,
    to: context.to,
    filters: {
      ...(context.municipality === undefined ? {} : { municipality: context.municipality }),
      ...(context.measureType === undefined ? {} : { measureType: context.measureType }),
      ...(context.ageBand === undefined ? {} : { ageBand: context.ageBand }),
    },
    columns: table.columns,
    rows: table.rows,
    ...(table.total === undefined ? {} : { total: table.total }),
    asOf: context.today,
  };
}
