import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { provisionBus } from '@polku/bus-permissions';
import { loadConfig, ServiceConfig } from '@polku/config';
import { dropDatabase, serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import { Client } from 'pg';
import { startBenchNats } from '../bench-nats';

const workspaceRoot = resolve(__dirname, '../../../..');
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DASHBOARDS_SERVICE = 'dashboards';
/** The projection's tables (services/dashboards/src/database/schema.ts, rebuild). */
export const DASHBOARDS_TABLES = [
  'path_event',
  'dashboard_fact',
  'dashboard_day_cell',
  'dashboard_month_cell',
  'dashboard_slice_day_cell',
  'dashboard_slice_month_cell',
] as const;

/**
 * services/dashboards as the launcher runs it: its own Node process (from source), its own
 * database migrated by the service at start, its own NATS user on the bench's authenticated
 * nats-server, the streams and its durables provisioned first as npm start does. It can be
 * stopped and started again, and run its operator commands in between.
 */
export interface DashboardsSystem {
  readonly config: ServiceConfig;
  readonly env: Readonly<Record<string, string>>;
  readonly databaseName: string;
  /** The streams and the service's durables, as npm start's provisioning step makes them. */
  provision(): Promise<void>;
  /** Provisions the durables (again, after a rebuild deleted them) and starts the service. */
  start(): Promise<void>;
  /** SIGTERM and wait (SIGKILL after 30 s). */
  stopService(): Promise<void>;
  /** `node main.ts <command> …` as an operator runs it, to its end; fails on a non-zero exit. */
  operatorCommand(args: readonly string[]): Promise<void>;
  /** The bench's connection to the service's database, once it exists. */
  database(): Promise<Client>;
  output(): string;
  /** Stops everything; drops the database unless `keepData`. */
  stop(keepData: boolean): Promise<void>;
}

export async function startDashboardsSystem(
  say: (line: string) => void,
): Promise<DashboardsSystem> {
  const suffix = randomBytes(3).toString('hex');
  const namespace = `bench-${suffix}`;
  const nats = await startBenchNats(namespace);
  const env: Record<string, string> = {
    // Not production: that would also require TLS to NATS, which the bench does not measure.
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    DATABASE_NAME_PREFIX: `polku_bench_${suffix}`,
    DATABASE_CONNECT_RETRIES: '10',
    NATS_NAMESPACE: namespace,
    ...nats.env,
  };
  const config = loadConfig(ServiceConfig, env);
  const databaseName = serviceDatabaseName(config.DATABASE_NAME_PREFIX, DASHBOARDS_SERVICE);
  let captured = '';
  const keep = (chunk: Buffer) => {
    captured = (captured + chunk.toString('utf8')).slice(-100_000);
  };
  const run = (args: readonly string[]): ChildProcess => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'services/dashboards/src/main.ts', ...args],
      {
        cwd: workspaceRoot,
        env: { ...process.env, ...env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    return child;
  };
  const exitOf = (child: ChildProcess) =>
    new Promise<number | null>((done) =>
      child.exitCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code)),
    );
  let service: ChildProcess | undefined;
  const stopService = async () => {
    if (service === undefined) {
      return;
    }
    const child = service;
    service = undefined;
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exitOf(child);
    clearTimeout(timer);
  };
  const db = new Client({
    connectionString: urlWithDatabase(config.DATABASE_URL, databaseName),
    application_name: 'polku-bench-dashboards',
  });
  let connected: Promise<Client> | undefined;
  say(`namespace ${namespace}, database ${databaseName}`);
  return {
    config,
    env,
    databaseName,
    async provision() {
      await provisionBus(config, { services: [DASHBOARDS_SERVICE] });
    },
    async start() {
      await provisionBus(config, { services: [DASHBOARDS_SERVICE] });
      service = run([]);
    },
    stopService,
    async operatorCommand(args) {
      const code = await exitOf(run(args));
      if (code !== 0) {
        throw new Error(`${args.join(' ')} exited with ${code}:\n${captured.slice(-3000)}`);
      }
    },
    database: () => (connected ??= db.connect().then(() => db)),
    output: () => captured,
    async stop(keepData) {
      if (connected) {
        await connected.then((client) => client.end()).catch(() => undefined);
      }
      await stopService();
      await nats.stop();
      if (keepData) {
        say(`kept database ${databaseName}`);
      } else {
        await dropDatabase(config.DATABASE_URL, databaseName).catch((error: unknown) =>
          say(`could not drop ${databaseName}: ${String(error)}`),
        );
      }
    },
  };
}
