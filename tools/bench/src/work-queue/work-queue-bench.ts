import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { WORK_QUEUE_COMMANDS } from '@polku/contracts';
import { finnishDateOf } from '@polku/timers';
import { machineBusyPercent } from '../cpu';
import { connectServiceClient, waitFor } from '../timeline/bench-support';
import {
  parseWorkQueueOptions,
  WORK_QUEUE_TARGET,
  WORK_QUEUE_USAGE,
  type WorkQueueOptions,
} from './work-queue-options';
import { measureReads, orgIdOf, type QueryResult } from './work-queue-reads';
import { caseworkerOf, seedWorkQueue, type SeedResult } from './work-queue-seed';
import { startWorkQueueSystem } from './work-queue-system';

const workspaceRoot = resolve(__dirname, '../../../..');
const say = (line: string) => process.stdout.write(`bench work-queue: ${line}\n`);

export interface WorkQueueReport {
  readonly version: 1;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly commandLine: string;
  readonly machine: Record<string, unknown>;
  readonly options: WorkQueueOptions;
  readonly seed: SeedResult;
  readonly queries: readonly QueryResult[];
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');

function render(report: WorkQueueReport): string {
  const header = ['query', 'items', 'of', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'req/s ∥'];
  const rows = report.queries.map((q) => [
    q.name,
    String(q.itemsOnPage),
    q.totalInQueue === null ? '-' : String(q.totalInQueue),
    ms(q.latencyMs.p50),
    ms(q.latencyMs.p95),
    ms(q.latencyMs.p99),
    String(q.sequentialPerSecond),
    q.concurrentPerSecond === null ? '-' : String(q.concurrentPerSecond),
  ]);
  const widths = header.map((cell, c) => Math.max(cell.length, ...rows.map((r) => r[c].length)));
  const line = (row: readonly string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const slow = report.queries.filter((q) => q.latencyMs.p95 > WORK_QUEUE_TARGET.p95Ms);
  const { seed } = report;
  return [
    `work queue: ${seed.paths} paths (${seed.openPaths} open), ${seed.items} items ` +
      `(${seed.openItems} open), ${seed.readMarkers} read markers; seeded in ${seed.seconds} s`,
    line(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
    `req/s: one at a time; ∥: ${report.options.concurrency} in flight. ` +
      (slow.length === 0
        ? `every query p95 < ${WORK_QUEUE_TARGET.p95Ms} ms`
        : `p95 over ${WORK_QUEUE_TARGET.p95Ms} ms: ${slow.map((q) => q.name).join('; ')}`),
  ].join('\n');
}

/**
 * `npm run bench -- work-queue`: the reads of services/work-queue on a realistically filled read
 * model (docs/performance.md, "Work queue"). Not a test: it prints the figures and writes them
 * as JSON.
 */
export async function runWorkQueueBench(argv: string[]): Promise<void> {
  const options = parseWorkQueueOptions(argv);
  if (options === 'help') {
    process.stdout.write(`${WORK_QUEUE_USAGE}\n`);
    return;
  }
  const startedAt = new Date();
  const busy = await machineBusyPercent(2_000);
  if (busy !== null && busy > 15) {
    say(`warning: the CPUs were ${busy}% busy before the bench started; figures are low`);
  }
  const loadAverageBefore = loadavg();
  const system = await startWorkQueueSystem(say);
  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      await system.stop(options.keepData);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  }
  try {
    const client = await connectServiceClient(system.config);
    const probe = {
      userId: caseworkerOf(0, 0),
      orgId: orgIdOf(0),
      orgRole: 'PROVIDER' as const,
      roles: ['CASEWORKER' as const],
      issuer: 'polku-bench',
    };
    // Ready when it answers: it has migrated its database by then.
    await waitFor(
      () => client.ask(WORK_QUEUE_COMMANDS.listWorkQueue, probe, { limit: 1 }).then(() => true),
      { timeoutMs: 120_000, description: 'work-queue to answer' },
    );
    const db = await system.database();
    const { rows } = await db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    say(
      `seeding ${options.paths} paths over ${options.orgs} organisations of ${options.workers} workers…`,
    );
    const seed = await seedWorkQueue(db, options, finnishDateOf(new Date()));
    say(`seeded in ${seed.seconds} s: ${seed.items} items, ${seed.openItems} open`);
    const queries = await measureReads(client, options, say);
    await client.close();
    const report: WorkQueueReport = {
      version: 1,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commandLine: `npm run bench -- work-queue ${argv.join(' ')}`.trim(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: Number((totalmem() / 1024 ** 3).toFixed(1)),
        node: process.version,
        postgres: rows[0].v,
        busyBeforeStartPercent: busy,
        loadAverageBefore,
        loadAverageAfter: loadavg(),
      },
      options,
      seed,
      queries,
    };
    process.stdout.write(`${render(report)}\n`);
    const out = resolve(workspaceRoot, options.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    say(`wrote ${relative(workspaceRoot, out)}`);
  } catch (error) {
    process.stderr.write(
      `work-queue output (last 4000 characters):\n${system.output().slice(-4000)}\n`,
    );
    throw error;
  } finally {
    await stop();
  }
}
