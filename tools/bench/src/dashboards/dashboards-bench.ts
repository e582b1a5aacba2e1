import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { finnishDateOf } from '@polku/timers';
import { installFastValidation } from '@polku/validation';
import { machineBusyPercent } from '../cpu';
import { connectServiceClient } from '../timeline/bench-support';
import { measureIngest } from './dashboards-ingest';
import { DASHBOARDS_USAGE, parseDashboardsOptions } from './dashboards-options';
import { fillStream } from './dashboards-publish';
import { measurePage, measureViews } from './dashboards-reads';
import { renderDashboardsReport, type DashboardsReport } from './dashboards-report';
import { DASHBOARDS_TABLES, startDashboardsSystem } from './dashboards-system';

const workspaceRoot = resolve(__dirname, '../../../..');
const say = (line: string) => process.stdout.write(`bench dashboards: ${line}\n`);

/**
 * `npm run bench -- dashboards`: services/dashboards' ingest of a synthetic event set through
 * its real consumer, its 13 views and its page, and its rebuild by replay (docs/performance.md,
 * "Dashboards"). Not a test: it prints the figures and writes them as JSON.
 */
export async function runDashboardsBench(argv: string[]): Promise<void> {
  const options = parseDashboardsOptions(argv);
  if (options === 'help') {
    process.stdout.write(`${DASHBOARDS_USAGE}\n`);
    return;
  }
  installFastValidation();
  const startedAt = new Date();
  const busy = await machineBusyPercent(2_000);
  if (busy !== null && busy > 15) {
    say(`warning: the CPUs were ${busy}% busy before the bench started; figures are low`);
  }
  const loadAverageBefore = loadavg();
  const system = await startDashboardsSystem(say);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void system.stop(options.keepData).finally(() => process.exit(130)));
  }
  try {
    // The database and its tables first (the operator command), so ingest measures consuming.
    await system.operatorCommand(['migrate']);
    await system.provision();
    const now = new Date();
    const today = finnishDateOf(now);
    say(`publishing ${options.paths} paths (seed ${options.seed})…`);
    const publish = await fillStream(system.config, options, now, say);
    say(`published ${publish.published} events in ${publish.seconds} s; starting the service…`);
    const ingestStarted = performance.now();
    await system.start();
    const ingest = await measureIngest(
      system.config,
      publish.published,
      ingestStarted,
      system.database,
      say,
    );
    say(`ingested in ${ingest.seconds} s (${ingest.eventsPerSecond} events/s)`);
    const client = await connectServiceClient(system.config, 120_000);
    const views = await measureViews(client, options, today, say);
    const page = await measurePage(client, options, today);
    await client.close();
    let rebuild: DashboardsReport['rebuild'];
    if (!options.skipRebuild) {
      say('rebuilding by replay…');
      await system.stopService();
      const commandStarted = performance.now();
      await system.operatorCommand([
        'rebuild-projection',
        '--all-durables',
        ...DASHBOARDS_TABLES.flatMap((table) => ['--table', table]),
      ]);
      const operatorCommandSeconds = Number(
        ((performance.now() - commandStarted) / 1000).toFixed(1),
      );
      const replayStarted = performance.now();
      await system.start();
      const replay = await measureIngest(
        system.config,
        publish.published,
        replayStarted,
        system.database,
        say,
      );
      rebuild = {
        ...replay,
        operatorCommandSeconds,
        sameFacts:
          replay.facts === ingest.facts &&
          replay.cells === ingest.cells &&
          replay.sliceCells === ingest.sliceCells &&
          replay.factsChecksum === ingest.factsChecksum,
      };
    }
    const db = await system.database();
    const { rows } = await db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    const report: DashboardsReport = {
      version: 1,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commandLine: `npm run bench -- dashboards ${argv.join(' ')}`.trim(),
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
      publish,
      ingest,
      views,
      page,
      ...(rebuild === undefined ? {} : { rebuild }),
    };
    process.stdout.write(`${renderDashboardsReport(report)}\n`);
    const out = resolve(workspaceRoot, options.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    say(`wrote ${relative(workspaceRoot, out)}`);
  } catch (error) {
    process.stderr.write(
      `dashboards output (last 4000 characters):\n${system.output().slice(-4000)}\n`,
    );
    throw error;
  } finally {
    await system.stop(options.keepData);
  }
}
