import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { natsLinkOptionsFor, TEST_TOOLS } from '@polku/bus-permissions';
import { NatsLink } from '@polku/messaging';
import { installFastValidation } from '@polku/validation';
import { machineBusyPercent } from '../cpu';
import { gatewayHttp } from './gateway-http';
import { openSubscribers, runLivePhase, type LivePhaseResult } from './live-phase';
import { listenToNotices } from './notice-listener';
import { measurePageReads, type PageReadsResult } from './page-reads';
import { parseTimelineOptions, TIMELINE_USAGE } from './timeline-options';
import {
  renderTimelineReport,
  verdicts,
  type TimelineMachine,
  type TimelineReport,
} from './timeline-report';
import { seedPaths } from './timeline-seed';
import { startTimelineSystem, type TimelineSystem } from './timeline-system';

const workspaceRoot = resolve(__dirname, '../../../..');
const say = (line: string) => process.stdout.write(`bench timeline: ${line}\n`);

async function machineOf(system: TimelineSystem, busy: number | null): Promise<TimelineMachine> {
  const db = await system.database('network-meetings');
  const { rows } = await db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  const nc = await new NatsLink(
    natsLinkOptionsFor(system.config, TEST_TOOLS, 'polku-bench-info'),
  ).connect();
  const natsServer = nc.info?.version ?? 'unknown';
  await nc.close();
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    postgres: rows[0].v,
    natsServer,
    busyBeforeStartPercent: busy,
    loadAverageBefore: loadavg(),
    loadAverageAfter: [],
  };
}

/**
 * `npm run bench -- timeline`: issue 17's three targets for the shared timeline, measured on
 * the whole system (docs/performance.md, "The shared timeline"). Not a test: it prints the
 * figures and writes them as JSON.
 */
export async function runTimelineBench(argv: string[]): Promise<void> {
  const options = parseTimelineOptions(argv);
  if (options === 'help') {
    process.stdout.write(`${TIMELINE_USAGE}\n`);
    return;
  }
  // As bootstrapService does: the bench validates the events it writes against their contracts.
  installFastValidation();
  const startedAt = new Date();
  const busy = await machineBusyPercent(2_000);
  if (busy !== null && busy > 15) {
    say(
      `warning: the CPUs were ${busy}% busy before the bench started; figures from a busy machine are low`,
    );
  }
  const system = await startTimelineSystem(say);
  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      await system.stop();
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  }
  try {
    const machine = await machineOf(system, busy);
    const api = gatewayHttp(system.baseUrl);
    const meetingsDb = await system.database('network-meetings');
    const outboxDb = await system.database('activation-plans');
    const gatewayDb = await system.database('gateway');
    say(`seeding ${options.paths + 1} paths through the gateway…`);
    const seeded = await seedPaths(api, meetingsDb, options.paths + 1, 1);
    const [bigPath, ...livePaths] = seeded;
    const notices = await listenToNotices(system.config);
    const context = {
      api,
      outboxDb,
      meetingsDb,
      gatewayDb,
      notices,
      launcherPid: system.launcher.child.pid ?? -1,
      say,
    };
    const live: LivePhaseResult[] = [];
    if (options.live) {
      const onePerPath = await openSubscribers(context, livePaths, livePaths.length);
      if (options.warmupSeconds > 0) {
        await runLivePhase(context, {
          name: 'warm-up',
          paths: livePaths,
          subscribers: onePerPath,
          rate: options.rate,
          events: options.rate * options.warmupSeconds,
        });
      }
      live.push(
        await runLivePhase(context, {
          name: 'a',
          paths: livePaths,
          subscribers: onePerPath,
          rate: options.rate,
          events: options.rate * options.seconds,
        }),
      );
      onePerPath.forEach((subscriber) => subscriber.close());
      say(`opening ${options.subscribers} subscribers…`);
      const many = await openSubscribers(context, livePaths, options.subscribers);
      live.push(
        await runLivePhase(context, {
          name: 'c',
          paths: livePaths,
          subscribers: many,
          rate: options.rate,
          events: options.rate * options.seconds,
        }),
      );
      many.forEach((subscriber) => subscriber.close());
    }
    let pages: PageReadsResult | null = null;
    if (options.pages) {
      pages = await measurePageReads(
        { api, config: system.config, outboxDb, meetingsDb, say },
        bigPath,
        { entries: options.pageEntries, reads: options.reads, warmup: 30 },
      );
    }
    await notices.close();
    const report: TimelineReport = {
      version: 1,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commandLine:
        `npm run bench -- timeline ${argv.filter((arg) => arg !== 'timeline' && arg !== '--timeline').join(' ')}`.trim(),
      machine: { ...machine, loadAverageAfter: loadavg() },
      options,
      live,
      pages,
      verdicts: verdicts(live, pages),
    };
    process.stdout.write(`${renderTimelineReport(report)}\n`);
    const out = resolve(workspaceRoot, options.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    say(`wrote ${relative(workspaceRoot, out)}`);
  } catch (error) {
    process.stderr.write(
      `launcher output (last 4000 characters):\n${system.launcher.output().slice(-4000)}\n`,
    );
    throw error;
  } finally {
    await stop();
  }
}
