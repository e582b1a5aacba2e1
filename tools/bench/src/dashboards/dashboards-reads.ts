import type { Principal } from '@polku/auth';
import {
  DASHBOARD_COMMANDS,
  DASHBOARD_VIEWS,
  type DashboardPage,
  type DashboardTable,
  type DashboardViewName,
} from '@polku/contracts';
import { syntheticManagerId, syntheticOrgs } from '@polku/testing/dashboards';
import { addCalendarMonths, type IsoDate } from '@polku/timers';
import { distribution, rounded, type Distribution } from '../stats';
import type { ServiceClient } from '../timeline/bench-support';
import type { DashboardsOptions } from './dashboards-options';

/** One view in one variant, measured. */
export interface ViewResult {
  readonly view: DashboardViewName;
  readonly variant: string;
  readonly request: Record<string, unknown>;
  /** Rows of the answer and how many of its cells were suppressed (of the last answer). */
  readonly rows: number;
  readonly suppressedCells: number;
  readonly latencyMs: Distribution;
}

export interface PageResult {
  readonly request: Record<string, unknown>;
  readonly views: number;
  readonly latencyMs: Distribution;
}

/** MONTH columns over two years: from the first day of the month 23 months back, to today. */
export function twoYearsOfMonths(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addCalendarMonths(`${today.slice(0, 8)}01`, -23), to: today };
}

/** The managers of the set's organisations, one per organisation; requests go round them. */
function managers(options: DashboardsOptions): Principal[] {
  return syntheticOrgs(options.orgs).map((org) => ({
    userId: syntheticManagerId(org),
    orgId: org.orgId,
    orgRole: org.role as Principal['orgRole'],
    roles: ['MANAGER'],
    issuer: 'polku-bench',
  }));
}

const VARIANTS: readonly { readonly name: string; readonly filters: Record<string, string> }[] = [
  { name: 'ORGANISATION', filters: { scope: 'ORGANISATION' } },
  { name: 'REGION', filters: { scope: 'REGION' } },
  { name: 'REGION, Kajaani', filters: { scope: 'REGION', municipality: '205' } },
];

async function timed<T>(
  count: number,
  warmup: number,
  ask: (i: number) => Promise<T>,
): Promise<{ latencyMs: Distribution; last: T }> {
  let last: T | undefined;
  for (let i = 0; i < warmup; i += 1) {
    last = await ask(i);
  }
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    last = await ask(i);
    samples.push(performance.now() - started);
  }
  return { latencyMs: rounded(distribution(samples)), last: last as T };
}

/** Each view in each variant, `reads` requests one at a time after `warmup`. */
export async function measureViews(
  client: ServiceClient,
  options: DashboardsOptions,
  today: IsoDate,
  say: (line: string) => void,
): Promise<ViewResult[]> {
  const readers = managers(options);
  const results: ViewResult[] = [];
  for (const view of DASHBOARD_VIEWS) {
    for (const variant of VARIANTS) {
      const request = { view, period: 'MONTH', ...twoYearsOfMonths(today), ...variant.filters };
      const { latencyMs, last } = await timed(options.reads, options.warmup, (i) =>
        client.ask<DashboardTable>(DASHBOARD_COMMANDS.view, readers[i % readers.length], request),
      );
      const suppressedCells = last.rows
        .flatMap((row) => row.cells)
        .filter((cell) => cell.suppressed !== undefined).length;
      say(
        `${view} (${variant.name}): p50 ${latencyMs.p50} p95 ${latencyMs.p95} p99 ${latencyMs.p99} ms, ` +
          `${last.rows.length} rows`,
      );
      results.push({
        view,
        variant: variant.name,
        request,
        rows: last.rows.length,
        suppressedCells,
        latencyMs,
      });
    }
  }
  return results;
}

/** The whole page (every view) for a manager's own organisation. */
export async function measurePage(
  client: ServiceClient,
  options: DashboardsOptions,
  today: IsoDate,
): Promise<PageResult> {
  const readers = managers(options);
  const request = { scope: 'ORGANISATION', period: 'MONTH', ...twoYearsOfMonths(today) };
  const { latencyMs, last } = await timed(options.pageReads, Math.min(options.warmup, 3), (i) =>
    client.ask<DashboardPage>(DASHBOARD_COMMANDS.page, readers[i % readers.length], request),
  );
  return { request, views: last.views.length, latencyMs };
}
