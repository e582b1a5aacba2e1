import type { Distribution } from '../stats';
import type { LivePhaseResult } from './live-phase';
import type { PageReadsResult } from './page-reads';
import { TIMELINE_TARGET, type TimelineOptions } from './timeline-options';

export interface TimelineMachine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly postgres: string;
  readonly natsServer: string;
  /** CPU use of the whole machine over 2 s before the run, percent; null off Linux. */
  readonly busyBeforeStartPercent: number | null;
  readonly loadAverageBefore: readonly number[];
  readonly loadAverageAfter: readonly number[];
}

/** A target and whether this run met it; null when the run did not measure it. */
export interface TargetVerdict {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | null;
}

export interface TimelineReport {
  readonly version: 1;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly commandLine: string;
  readonly machine: TimelineMachine;
  readonly options: TimelineOptions;
  readonly live: readonly LivePhaseResult[];
  readonly pages: PageReadsResult | null;
  readonly verdicts: readonly TargetVerdict[];
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');
const cells = (d: Distribution) => [d.p50, d.p95, d.p99, d.max].map(ms);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column].length)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}

/** Pass or fail of each of issue 17's three targets. */
export function verdicts(
  live: readonly LivePhaseResult[],
  pages: PageReadsResult | null,
): TargetVerdict[] {
  const a = live.find((phase) => phase.name === 'a');
  const c = live.find((phase) => phase.name === 'c');
  const result: TargetVerdict[] = [];
  result.push({
    target: `(a) event → visible on an open timeline: p99 < ${TIMELINE_TARGET.liveP99Ms} ms at ${TIMELINE_TARGET.eventsPerSecond} events/s`,
    measured: a
      ? `p99 ${ms(a.lagMs.p99)} ms at ${a.writtenPerSecond} events/s, ${a.completeness.missing} of ${a.completeness.expectedDeliveries} deliveries missing`
      : 'not measured',
    met: a
      ? a.lagMs.p99 < TIMELINE_TARGET.liveP99Ms &&
        a.offeredRate >= TIMELINE_TARGET.eventsPerSecond &&
        a.completeness.missing === 0
      : null,
  });
  // The verdict is on the gateway's default page (25 entries), by the slowest reader; the
  // largest page (100) is reported beside it.
  const worst = pages?.results
    .filter((read) => read.limit === 25)
    .reduce((max, read) => Math.max(max, read.gatewayMs.p95), 0);
  result.push({
    target: `(b) a timeline page (the default 25) of a path with ${TIMELINE_TARGET.pageEntries} entries, through the gateway: p95 < ${TIMELINE_TARGET.pageP95Ms} ms`,
    measured: pages
      ? pages.results
          .map(
            (read) =>
              `${read.reader} limit ${read.limit}: gateway p95 ${ms(read.gatewayMs.p95)} ms, service p95 ${ms(read.serviceMs.p95)} ms`,
          )
          .join('; ') + ` (${pages.pathEntries} entries)`
      : 'not measured',
    met:
      pages && worst !== undefined && pages.results.every((read) => !read.gatewayFailure)
        ? worst < TIMELINE_TARGET.pageP95Ms && pages.pathEntries >= TIMELINE_TARGET.pageEntries
        : null,
  });
  const complete =
    c !== undefined &&
    c.subscribers >= TIMELINE_TARGET.subscribers &&
    c.completeness.subscribersComplete === c.subscribers &&
    c.completeness.streamFailures.length === 0;
  const [first, , last] = c?.lagP99ByThird ?? [];
  result.push({
    target:
      `(c) ${TIMELINE_TARGET.subscribers} open live subscribers without falling behind ` +
      '(every subscriber gets every entry; the p99 of the last third of the phase at most 1.5 × the first)',
    measured: c
      ? `${c.completeness.subscribersComplete} of ${c.subscribers} subscribers got every entry, ` +
        `${c.completeness.streamFailures.length} streams failed, ` +
        `p99 by third of the phase ${c.lagP99ByThird.join(' · ')} ms`
      : 'not measured',
    met: c ? complete && last <= 1.5 * first : null,
  });
  result.push({
    target: `(c) and each of them within (a)'s bound: every subscriber's p99 < ${TIMELINE_TARGET.liveP99Ms} ms`,
    measured: c
      ? `per-subscriber p99 median ${ms(c.perSubscriberP99Ms.p50)} ms, worst ${ms(c.perSubscriberP99Ms.max)} ms`
      : 'not measured',
    met: c ? complete && c.perSubscriberP99Ms.max < TIMELINE_TARGET.liveP99Ms : null,
  });
  return result;
}

function livePhaseLines(phase: LivePhaseResult): string[] {
  const lines = [
    '',
    `Live phase (${phase.name}): ${phase.subscribers} subscribers over ${phase.paths} paths, ` +
      `${phase.events} events offered at ${phase.offeredRate}/s (written ${phase.writtenPerSecond}/s)`,
  ];
  const rows: string[][] = [
    ['every delivery: SSE frame − occurredAt', ...cells(phase.lagMs)],
    ["each subscriber's own p99 (over subscribers)", ...cells(phase.perSubscriberP99Ms)],
  ];
  const stages = phase.stagesMs;
  if (stages) {
    rows.push(
      ['first subscriber: SSE frame − occurredAt', ...cells(stages.firstArrival)],
      ['  occurredAt → relay claims the outbox row', ...cells(stages.outboxWait)],
      ['  claim → network-meetings consumer tx begins', ...cells(stages.publishAndDelivery)],
      ['  consumer tx → notice on core NATS', ...cells(stages.projectionAndNotice)],
      ['  notice → first SSE frame (gateway hub)', ...cells(stages.gatewayToClient)],
    );
  }
  lines.push(...table(['ms', 'p50', 'p95', 'p99', 'max'], rows));
  lines.push(
    `lag p99 of the events of each third of the phase: ${phase.lagP99ByThird.join(' · ')} ms`,
  );
  const c = phase.completeness;
  lines.push(
    `deliveries: ${c.delivered} of ${c.expectedDeliveries} (${c.missing} missing, ${c.duplicates} duplicates); ` +
      `${c.subscribersComplete} of ${phase.subscribers} subscribers got every entry` +
      (stages
        ? `; not projected ${stages.notProjected}, notice not heard ${stages.noticeNotHeard}`
        : ''),
  );
  if (c.streamFailures.length > 0) {
    lines.push(`stream failures: ${c.streamFailures.join(' | ')}`);
  }
  if (c.duplicateSamples.length > 0) {
    lines.push(`duplicates (event: first SSE id → again): ${c.duplicateSamples.join('; ')}`);
  }
  if (Object.keys(c.otherFrames).length > 0) {
    lines.push(`other frames: ${JSON.stringify(c.otherFrames)}`);
  }
  lines.push(
    `fan-out: ${phase.fanOut.noticesPerSecond} notices/s, ${phase.fanOut.pushesPerSecond} audited ` +
      `pushes/s, ${phase.fanOut.entriesPerPush} entries per push`,
  );
  const cpu = phase.cpuMs;
  const perEvent = (value: number) => (value / Math.max(1, phase.events)).toFixed(3);
  lines.push(
    `CPU ms per event: ${Object.entries(cpu.services)
      .map(([name, value]) => `${name} ${perEvent(value)}`)
      .join(', ')}, postgres ${perEvent(cpu.postgres)}, nats-server ${perEvent(cpu.natsServer)}, ` +
      `bench ${perEvent(cpu.bench)}; machine ${Math.round((100 * cpu.machine) / Math.max(1, cpu.machineCapacity))}% busy`,
  );
  return lines;
}

export function renderTimelineReport(report: TimelineReport): string {
  const { machine } = report;
  const lines = [
    '',
    `polku timeline bench: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ` +
      `Node ${machine.node}, PostgreSQL ${machine.postgres}, nats-server ${machine.natsServer}`,
    `machine busy before start: ${machine.busyBeforeStartPercent ?? '-'}%; load average ` +
      `${machine.loadAverageBefore.map((v) => v.toFixed(1)).join(' ')} before, ` +
      `${machine.loadAverageAfter.map((v) => v.toFixed(1)).join(' ')} after`,
    `command: ${report.commandLine}`,
  ];
  for (const phase of report.live) {
    lines.push(...livePhaseLines(phase));
  }
  if (report.pages) {
    lines.push(
      '',
      `Page reads: a path with ${report.pages.pathEntries} entries, first page, ${report.pages.reads} reads each`,
    );
    lines.push(
      ...table(
        ['reader (entries on page)', 'way', 'p50', 'p95', 'p99', 'max'],
        report.pages.results.flatMap((read) => [
          [
            `${read.reader}, limit ${read.limit} (${read.entriesOnPage})`,
            read.gatewayFailure ? 'gateway HTTP: failed' : 'gateway HTTP',
            ...cells(read.gatewayMs),
          ],
          ['', 'service over NATS', ...cells(read.serviceMs)],
        ]),
      ),
    );
  }
  lines.push('', 'Targets (issue 17):');
  for (const verdict of report.verdicts) {
    const word = verdict.met === null ? 'not measured' : verdict.met ? 'MET' : 'NOT MET';
    lines.push(`  ${word}: ${verdict.target} — ${verdict.measured}`);
  }
  lines.push('');
  return lines.join('\n');
}
