import type { Principal } from '@polku/auth';
import {
  DASHBOARD_COMMANDS,
  DASHBOARD_VIEWS,
  type DashboardFilters,
  type DashboardTable,
} from '@polku/contracts';
import type { EventSet, SyntheticOrg } from '@polku/testing/dashboards';
import { syntheticManagerId } from '@polku/testing/dashboards';
import { daysAfter, monthsAfter, periodStart } from './oracle-dates';
import { differences, type CompareTally } from './compare-table';
import type { OracleFact } from './oracle-fact';
import type { OracleRequest } from './oracle-table';
import { expectedView } from './oracle-views';

/** One way of asking for the views: who asks, with which filters. */
export interface AskedFilters {
  readonly name: string;
  readonly manager: Principal;
  readonly filters: DashboardFilters & Required<Pick<DashboardFilters, 'period' | 'from' | 'to'>>;
}

/** A manager of the organisation, as the gateway names them in the internal token. */
export function managerOf(org: SyntheticOrg): Principal {
  return {
    userId: syntheticManagerId(org),
    orgId: org.orgId,
    orgRole: org.role as Principal['orgRole'],
    roles: ['MANAGER'],
    issuer: 'polku-test',
  };
}

/**
 * The requests each run makes of every view: REGION and ORGANISATION (a provider's and a
 * referrer's), by week, month and quarter, with a municipality, a measure type and an age band.
 */
export function askedFilters(set: EventSet, provider: SyntheticOrg): AskedFilters[] {
  const today = set.today;
  const referrer = set.orgs.find((org) => org.kind === 'REFERRER') ?? set.orgs[0];
  const twoYears = monthsAfter(today, -24);
  const quarters = {
    period: 'QUARTER' as const,
    from: periodStart(twoYears, 'QUARTER'),
    to: today,
  };
  const months = {
    period: 'MONTH' as const,
    from: periodStart(monthsAfter(today, -23), 'MONTH'),
    to: today,
  };
  return [
    {
      name: 'REGION by quarter',
      manager: managerOf(provider),
      filters: { scope: 'REGION', ...quarters },
    },
    {
      // A range that starts inside a month and ends before today: the whole first month is
      // counted (docs/dashboards.md, "Filters"), nothing after `to`.
      name: 'a provider by month, to three weeks ago',
      manager: managerOf(provider),
      filters: {
        scope: 'ORGANISATION',
        period: 'MONTH',
        from: daysAfter(monthsAfter(today, -20), 11),
        to: daysAfter(today, -21),
      },
    },
    { name: 'a referrer by quarter', manager: managerOf(referrer), filters: { ...quarters } },
    {
      name: 'REGION, Kajaani, by month',
      manager: managerOf(referrer),
      filters: { scope: 'REGION', municipality: '205', ...months },
    },
    {
      name: 'REGION, rehabilitative work activity, by quarter',
      manager: managerOf(provider),
      filters: { scope: 'REGION', measureType: 'REHABILITATIVE_WORK_ACTIVITY', ...quarters },
    },
    {
      // Counted from the region's cells: whole months from month cells, the days around them
      // (a week's Monday before, three weeks to today after) from the facts.
      name: 'REGION by week, to three weeks ago',
      manager: managerOf(referrer),
      filters: {
        scope: 'REGION',
        period: 'WEEK',
        from: periodStart(monthsAfter(today, -10), 'WEEK'),
        to: daysAfter(today, -21),
      },
    },
    {
      name: 'REGION, aged 50–59, by week over a year',
      manager: managerOf(provider),
      filters: {
        scope: 'REGION',
        ageBand: 'AGE_50_59',
        period: 'WEEK',
        from: periodStart(monthsAfter(today, -12), 'WEEK'),
        to: today,
      },
    },
  ];
}

function oracleRequestOf(asked: AskedFilters, today: string): OracleRequest {
  const { filters } = asked;
  return {
    scope: filters.scope ?? 'ORGANISATION',
    orgId: asked.manager.orgId,
    period: filters.period,
    from: filters.from,
    to: filters.to,
    today,
    ...(filters.municipality === undefined ? {} : { municipality: filters.municipality }),
    ...(filters.measureType === undefined ? {} : { measureType: filters.measureType }),
    ...(filters.ageBand === undefined ? {} : { ageBand: filters.ageBand }),
  };
}

/** Asks a view over NATS as the gateway does, as the principal. */
export type AskView = (principal: Principal, query: object) => Promise<DashboardTable>;

/**
 * Every view under every asked filter, each compared with the oracle: the differences, each
 * named by the view and the request; and the tables answered, to compare a later answer with.
 */
export async function viewsAgainstOracle(
  ask: AskView,
  facts: readonly OracleFact[],
  asked: readonly AskedFilters[],
  today: string,
): Promise<{ problems: string[]; tables: DashboardTable[]; tally: CompareTally }> {
  const problems: string[] = [];
  const tables: DashboardTable[] = [];
  const tally: CompareTally = { shown: 0, small: 0 };
  for (const request of asked) {
    for (const view of DASHBOARD_VIEWS) {
      const table = await ask(request.manager, { view, ...request.filters });
      tables.push(table);
      const expected = expectedView(view, facts, oracleRequestOf(request, today));
      problems.push(
        ...differences(table, expected, tally).map(
          (problem) => `${view} (${request.name}): ${problem}`,
        ),
      );
    }
  }
  return { problems, tables, tally };
}

/** The subject the views are asked on. */
export const VIEW_SUBJECT = DASHBOARD_COMMANDS.view;
