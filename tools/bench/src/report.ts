import type { BaselineResult } from './baselines';
import type { EndToEndResult } from './end-to-end';
import type { Distribution } from './stats';

export interface BenchReport {
  readonly version: 2;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGiB: number;
    readonly node: string;
    readonly postgres: string;
    readonly postgresSettings: Record<string, string>;
    readonly natsServer: string;
    readonly jetStreamStorage: string;
    /** CPU use of the whole machine over 2 s before the bench started; null off Linux. */
    readonly busyBeforeStartPercent: number | null;
    /** JSON round trips per ms in one thread, before and after the end-to-end phases (host-speed.ts). */
    readonly hostSpeed: { readonly before: number; readonly after: number };
  };
  readonly options: {
    readonly events: number;
    readonly warmup: number;
    readonly writers: number;
    readonly eventsPerTransaction: number;
    readonly rates: readonly number[];
    readonly payloadBytes: number;
    readonly processModel: string;
    /** How the consumer's projection handler writes (see PROJECTION_HANDLERS). */
    readonly handler: string;
    readonly tracing: string;
  };
  readonly settings: Record<string, number>;
  /** One entry per measured phase, in the order they ran. */
  readonly endToEnd: readonly EndToEndResult[];
  readonly baselines: readonly BaselineResult[];
  readonly target: {
    readonly eventsPerSecond: number;
    readonly p99LagMs: number;
    /** null when the run had no unpaced phase or no phase at the target rate. */
    readonly met: boolean | null;
  };
}

const number = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
    : '-';

/** Columns after the first are right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}

function distributionCells(d: Distribution): string[] {
  return [d.p50, d.p95, d.p99, d.max, d.mean].map((value) => number(value, 1));
}

const offered = (phase: EndToEndResult) =>
  phase.offeredRate > 0 ? `offered ${number(phase.offeredRate)}/s` : 'unpaced';

function renderPhases(phases: readonly EndToEndResult[]): string[] {
  const lines: string[] = [];
  lines.push(
    ...table(
      [
        'phase',
        'events',
        'events/s',
        'writers/s',
        'lag p50',
        'p95',
        'p99',
        'max',
        'peak outbox',
        'peak in stream',
      ],
      phases.map((phase) => [
        offered(phase),
        number(phase.events),
        number(phase.eventsPerSecond),
        number(phase.writeEventsPerSecond),
        number(phase.lagMs.p50, 1),
        number(phase.lagMs.p95, 1),
        number(phase.lagMs.p99, 1),
        number(phase.lagMs.max, 1),
        number(phase.peakOutboxBacklog),
        number(phase.peakPublishedNotProjected),
      ]),
    ),
  );
  lines.push(
    '(events/s: first write → last projection row; lag in ms: projection row − occurredAt;',
    ' peak outbox: unpublished rows; peak in stream: committed and published, not yet projected)',
  );
  lines.push('');
  lines.push('CPU per event (ms), first write → last projection row');
  const ms = (value: number | null) => (value === null ? '-' : number(value, 3));
  lines.push(
    ...table(
      ['phase', 'producer', 'consumer', 'PostgreSQL', 'nats-server', 'other', 'machine'],
      phases.map((phase) => [
        offered(phase),
        ms(phase.cpuPerEventMs.producerProcess),
        ms(phase.cpuPerEventMs.consumerProcess),
        ms(phase.cpuPerEventMs.postgres),
        ms(phase.cpuPerEventMs.natsServer),
        ms(phase.cpuPerEventMs.other),
        ms(phase.cpuPerEventMs.machine),
      ]),
    ),
  );
  lines.push(
    '(producer = writers + relay, consumer = consumer host, one Node process each; other = kernel',
    ' work not charged to a process, and other programs: much above 0.2 means the figures are low)',
  );
  for (const phase of phases) {
    lines.push('');
    lines.push(`Where the lag goes, ${offered(phase)} (ms)`);
    lines.push(
      ...table(
        ['stage', 'p50', 'p95', 'p99', 'max', 'mean'],
        [
          ['end to end (projection row − occurredAt)', ...distributionCells(phase.lagMs)],
          ['  occurredAt → relay claims the row', ...distributionCells(phase.stagesMs.outboxWait)],
          ['  claim → stored in the stream', ...distributionCells(phase.stagesMs.publish)],
          ['  stored → consumer transaction begins', ...distributionCells(phase.stagesMs.delivery)],
          [
            '  consumer transaction → projection row',
            ...distributionCells(phase.stagesMs.consumerBatch),
          ],
          ['business transaction (writer)', ...distributionCells(phase.writeTransactionMs)],
        ],
      ),
    );
    const { checks } = phase;
    lines.push(
      `checks: ${number(checks.projectionRows)} rows, ${number(checks.distinctEvents)} distinct events, ` +
        `${checks.deadLetters} dead letters, ${checks.unpublishedOutboxRows} unpublished outbox rows`,
    );
  }
  return lines;
}

export function renderReport(report: BenchReport): string {
  const { machine, options, settings } = report;
  const lines: string[] = [''];
  lines.push(
    `polku bench: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `PostgreSQL ${machine.postgres}, nats-server ${machine.natsServer}`,
  );
  if (machine.busyBeforeStartPercent !== null) {
    lines.push(`machine busy before start: ${machine.busyBeforeStartPercent}% of all CPUs`);
  }
  lines.push(
    `host speed (envelope JSON round trips per ms, one thread): ${machine.hostSpeed.before} ` +
      `before the run, ${machine.hostSpeed.after} after it`,
  );
  lines.push(
    `settings: ${Object.entries(settings)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ')}`,
  );
  lines.push(
    `workload: ${number(options.events)} events per phase after ${number(options.warmup)} warm-up, ` +
      `${options.writers} writers × ${options.eventsPerTransaction} events per transaction, ` +
      `${options.payloadBytes} bytes per event; tracing ${options.tracing}`,
  );
  lines.push(`projection handler: ${options.handler}`);
  lines.push('');
  lines.push('End to end: OutboxWriter → relay → JetStream → consumer → projection row');
  lines.push(...renderPhases(report.endToEnd));
  if (report.baselines.length > 0) {
    lines.push('');
    lines.push('Baselines (same run, same payload)');
    lines.push(
      ...table(
        ['baseline', 'ops', 'per second', 'p50 ms', 'p99 ms'],
        report.baselines.map((b) => [
          b.description,
          number(b.operations),
          number(b.perSecond),
          number(b.latencyMs.p50, 3),
          number(b.latencyMs.p99, 3),
        ]),
      ),
    );
    lines.push(
      '(latency per awaited unit: one INSERT, one transaction, one publish or one window)',
    );
  }
  lines.push('');
  const { target } = report;
  lines.push(
    `target: ≥ ${number(target.eventsPerSecond)} events/s unpaced and p99 lag < ${target.p99LagMs} ms ` +
      `when offered ${number(target.eventsPerSecond)}/s: ` +
      (target.met === null ? 'not measured in this run' : target.met ? 'met' : 'NOT met'),
  );
  lines.push('');
  return lines.join('\n');
}

export function printReport(report: BenchReport): void {
  process.stdout.write(`${renderReport(report)}\n`);
}
