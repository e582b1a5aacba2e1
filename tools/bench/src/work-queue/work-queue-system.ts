import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { provisionBus } from '@polku/bus-permissions';
import { loadConfig, ServiceConfig } from '@polku/config';
import { dropDatabase, serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import { Client } from 'pg';
import { startBenchNats } from '../bench-nats';

const workspaceRoot = resolve(__dirname, '../../../..');
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const WORK_QUEUE_SERVICE = 'work-queue';

/**
 * services/work-queue as the launcher runs it: its own Node process (from source), its own
 * database migrated by the service itself at start, its own NATS user on the bench's
 * authenticated nats-server, the streams and its durables provisioned first as npm start does.
 */
export interface WorkQueueSystem {
  readonly config: ServiceConfig;
  readonly databaseName: string;
  /** The bench's connection to the service's database (seed, plans), once it exists. */
  database(): Promise<Client>;
  output(): string;
  /** Stops the service and nats-server; drops the database unless `keepData`. */
  stop(keepData: boolean): Promise<void>;
}

export async function startWorkQueueSystem(say: (line: string) => void): Promise<WorkQueueSystem> {
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
  await provisionBus(config, { services: [WORK_QUEUE_SERVICE] });
  const databaseName = serviceDatabaseName(config.DATABASE_NAME_PREFIX, WORK_QUEUE_SERVICE);
  say(`starting ${WORK_QUEUE_SERVICE} (namespace ${namespace}, database ${databaseName})…`);
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'services/work-queue/src/main.ts'],
    {
      cwd: workspaceRoot,
      env: { ...process.env, ...env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let captured = '';
  const keep = (chunk: Buffer) => {
    captured = (captured + chunk.toString('utf8')).slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const db = new Client({
    connectionString: urlWithDatabase(config.DATABASE_URL, databaseName),
    application_name: 'polku-bench-work-queue',
  });
  let connected: Promise<Client> | undefined;
  return {
    config,
    databaseName,
    database: () => (connected ??= db.connect().then(() => db)),
    output: () => captured,
    async stop(keepData) {
      if (connected) {
        await connected.then((client) => client.end()).catch(() => undefined);
      }
      if (child.exitCode === null) {
        child.kill('SIGTERM');
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
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
