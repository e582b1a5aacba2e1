import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { SERVICE_NAMES } from '@polku/contracts';
import { LauncherConfig, loadConfigOrExit } from '@polku/config';
import { ensurePostgres, type EnsuredServer } from '@polku/local-infra';
import { redactUrl } from '@polku/persistence';
import type { SimulatedClockControl } from '@polku/clock';
import { buildServices } from './build-services';
import { createDemoClock, demoLoadedLines, demoRefusal, loadDemo } from './demo-data';
import { switchOnDemoModeWhenNoIssuer } from './demo-mode';
import { ServiceLogs } from './service-logs';
import { crashLoopMessage, RestartingSupervisor } from './service-supervisor';
import { parseStartArgs, START_USAGE, StartArgsError } from './start-args';
import { startBus } from './start-bus';
import { waitForHealthy } from './wait-for-health';

// `npm start`: the whole system on one machine. Each service runs as its own Node process,
// as in production (docs/adr/0002-process-model.md).

const workspaceRoot = resolve(__dirname, '../../..');
const say = (line: string) => process.stdout.write(`polku: ${line}\n`);

async function main(): Promise<void> {
  const startedAt = Date.now();
  let args;
  try {
    args = parseStartArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof StartArgsError) {
      process.stderr.write(`polku start: ${error.message}\n${START_USAGE}\n`);
      process.exit(2);
    }
    throw error;
  }
  const config = loadConfigOrExit(LauncherConfig, 'start');
  // After the launcher's configuration holds (a bad one is reported in one line and nothing
  // else), before any service starts: the services inherit this environment.
  switchOnDemoModeWhenNoIssuer(process.env, say);
  const dataDir = resolve(workspaceRoot, config.POLKU_DATA_DIR);
  const started: EnsuredServer[] = [];
  let supervisor: RestartingSupervisor | undefined;
  const logs = new ServiceLogs(join(dataDir, 'logs'), workspaceRoot);
  let shuttingDown = false;

  const shutdown = async (exitCode: number) => {
    if (shuttingDown) {
      return;
    }
    shuttingDown = true;
    say('stopping services…');
    // A shutdown, not a crash: stopAll() restarts nothing it stops.
    await supervisor?.stopAll(config.SHUTDOWN_TIMEOUT_MS + 2_000);
    await logs.close();
    for (const server of started.reverse()) {
      say(`stopping ${server.description}`);
      await server.stop().catch((error: unknown) => say(`could not stop it: ${String(error)}`));
    }
    say('stopped');
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    say('building services (cached after the first run)…');
    await buildServices(workspaceRoot);

    const infraLog = (source: string) => (line: string) => {
      if (config.LOG_LEVEL === 'debug') {
        say(`[${source}] ${line}`);
      }
    };
    const [postgres, bus] = await Promise.all([
      ensurePostgres({
        url: config.DATABASE_URL,
        mode: config.POLKU_EMBEDDED_POSTGRES,
        dataDir,
        log: infraLog('postgres'),
      }),
      startBus(config, dataDir, infraLog('nats')),
    ]);
    const nats = bus.server;
    for (const server of [postgres, nats]) {
      if (server.source === 'started') {
        started.push(server);
      }
      say(`${server.source === 'started' ? 'started' : 'using'} ${server.description}`);
    }

    const serviceEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: postgres.url,
      NATS_URL: nats.url,
      ...bus.env,
    };
    // Only --demo puts the services on a simulated clock; a plain start never does.
    if (serviceEnv.SIMULATED_CLOCK_FILE !== undefined && serviceEnv.SIMULATED_CLOCK_FILE !== '') {
      say('SIMULATED_CLOCK_FILE is ignored: npm start sets the clock only for --demo');
    }
    delete serviceEnv.SIMULATED_CLOCK_FILE;
    let demoClock: SimulatedClockControl | undefined;
    if (args.demo) {
      const refusal = await demoRefusal({
        env: process.env,
        databaseUrl: postgres.url,
        databasePrefix: config.DATABASE_NAME_PREFIX,
      });
      if (refusal === undefined) {
        demoClock = await createDemoClock(dataDir);
        serviceEnv.SIMULATED_CLOCK_FILE = demoClock.file;
        say(
          `--demo: the services start on a simulated clock at ${demoClock.now().toISOString().slice(0, 10)} (${demoClock.file})`,
        );
      } else {
        say(`--demo: no demo data: ${refusal}; starting normally`);
      }
    }

    say(`starting ${SERVICE_NAMES.length} services (each applies its pending migrations first)…`);
    const distRoot = resolve(workspaceRoot, 'dist');
    // A service that dies is started again after 1 s, 2 s, 4 s … (at most 30 s), one line each
    // time; one that keeps dying stops polku, naming its log (service-supervisor.ts).
    supervisor = new RestartingSupervisor({
      processes: {
        distRoot,
        env: serviceEnv,
        onLine: (service, line) => {
          process.stdout.write(`${line}\n`);
          logs.write(service, line);
        },
      },
      log: say,
      onCrashLoop: (crash) => {
        say(crashLoopMessage(crash, logs.pathOf(crash.last.service)));
        void shutdown(1);
      },
    });
    for (const service of SERVICE_NAMES) {
      supervisor.start(service);
    }

    const base = `http://${config.HTTP_HOST}:${config.HTTP_PORT}`;
    await waitForHealthy(
      `${base}/health`,
      config.POLKU_STARTUP_TIMEOUT_S * 1000,
      () => shuttingDown,
    );
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    process.stdout.write(
      [
        '',
        `polku is up: ${SERVICE_NAMES.length} services in ${seconds} s`,
        `  Health      ${base}/health`,
        `  API         ${base}/api/v1`,
        `  PostgreSQL  ${redactUrl(postgres.url)} (${postgres.description})`,
        `  NATS        ${nats.url} (${nats.description})`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    if (args.demo && demoClock !== undefined) {
      say(`loading demo data: ${args.demo.clients} clients over two simulated years…`);
      try {
        const summary = await loadDemo({ gatewayUrl: base, clock: demoClock, ...args.demo });
        process.stdout.write(demoLoadedLines(summary, base).join('\n'));
      } catch (error) {
        // polku keeps running, on real time again: what was loaded stays.
        say(
          `demo data not fully loaded: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  } catch (error) {
    if (shuttingDown) {
      return; // the reason was reported where the shutdown began
    }
    process.stderr.write(
      `polku start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    await shutdown(1);
  }
}

void main();
