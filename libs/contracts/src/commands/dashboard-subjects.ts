/**
 * Request subjects of the dashboards service (the gateway is the only requester). The query
 * classes and the answer's shape are in dashboard-queries.ts; docs/dashboards.md defines the
 * figures.
 */
export const DASHBOARD_COMMANDS = {
  /** One view: a {@link DashboardViewQuery}, answered with a DashboardTable. */
  view: 'polku-rpc.dashboards.view.v1',
  /** Every view under the same filters: DashboardFilters, answered with a DashboardPage. */
  page: 'polku-rpc.dashboards.page.v1',
} as const;
