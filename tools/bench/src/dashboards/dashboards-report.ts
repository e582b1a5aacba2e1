import type { DashboardsOptions } from './dashboards-options';
import type { IngestResult } from './dashboards-ingest';
import type { PublishResult } from './dashboards-publish';
import type { PageResult, ViewResult } from './dashboards-reads';

/** What `npm run bench -- dashboards` writes as JSON (docs/performance.md, "Dashboards"). */
export interface DashboardsReport {
  readonly version: 1;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly commandLine: string;
  readonly machine: Record<string, unknown>;
  readonly options: DashboardsOptions;
  readonly publish: PublishResult;
  readonly ingest: IngestResult;
  readonly views: readonly ViewResult[];
  readonly page: PageResult;
  /** Absent with --skip-rebuild. */
  readonly rebuild?: IngestResult & {
    readonly operatorCommandSeconds: number;
    readonly sameFacts: boolean;
  };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, c) => Math.max(cell.length, ...rows.map((r) => r[c].length)));
  const line = (row: readonly string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}

function ingestLine(name: string, result: IngestResult): string {
  return (
    `${name}: ${result.events} events in ${result.seconds} s from the service's start ` +
    `(${result.eventsPerSecond} events/s; ${result.consumingEventsPerSecond} events/s from the ` +
    `first acknowledged event, ${result.consumingSeconds} s); ${result.pathEvents} path events, ` +
    `${result.facts} facts, ${result.cells} region cells, ${result.sliceCells} slice cells, ${result.deadLetters} dead letters` +
    (result.vacuumRoundsByBench > 0
      ? `; ${result.vacuumRoundsByBench} rounds of VACUUM (ANALYZE) by the bench (autovacuum off)`
      : '')
  );
}

export function renderDashboardsReport(report: DashboardsReport): string {
  const { publish, ingest, page, rebuild } = report;
  const views = table(
    ['view', 'variant', 'rows', 'p50 ms', 'p95 ms', 'p99 ms'],
    report.views.map((v) => [
      v.view,
      v.variant,
      String(v.rows),
      ms(v.latencyMs.p50),
      ms(v.latencyMs.p95),
      ms(v.latencyMs.p99),
    ]),
  );
  return [
    `dashboards: ${publish.paths} paths over ${report.options.orgs} organisations, ` +
      `${publish.generated} events, ${publish.published} of them consumed by the dashboards ` +
      `(published in ${publish.seconds} s, ${publish.perSecond}/s)`,
    ingestLine('ingest', ingest),
    ...views,
    `page (${page.views} views, ORGANISATION, MONTH, two years): ` +
      `p50 ${ms(page.latencyMs.p50)} p95 ${ms(page.latencyMs.p95)} p99 ${ms(page.latencyMs.p99)} ms`,
    rebuild === undefined
      ? 'rebuild: skipped'
      : `${ingestLine('rebuild (replay)', rebuild)}; operator command ${rebuild.operatorCommandSeconds} s; ` +
        (rebuild.sameFacts ? 'the same facts as live' : 'FACTS DIFFER FROM LIVE'),
  ].join('\n');
}
