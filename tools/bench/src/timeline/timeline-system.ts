import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, ServiceConfig } from '@polku/config';
import { findFreePort } from '@polku/local-infra';
import { serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import { startLauncher, type Launcher } from './bench-support';
import { Client } from 'pg';
import { startBenchNats } from '../bench-nats';

/**
 * The whole of polku as `npm start` runs it (the launcher: every service from dist, each its own
 * Node process, real PostgreSQL, the gateway on HTTP with the demo issuer), on the bench's own
 * authenticated nats-server (users and permissions from the permission matrix, plus the test
 * tools' user the bench publishes and listens with), its own databases and namespace.
 */
export interface TimelineSystem {
  readonly baseUrl: string;
  /** What the launcher and every service got; the bench's own connections use it too. */
  readonly env: Readonly<Record<string, string>>;
  readonly config: ServiceConfig;
  readonly launcher: Launcher;
  /** A connection to one service's database (the bench reads facts and timestamps there). */
  database(service: string): Promise<Client>;
  stop(): Promise<void>;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function startTimelineSystem(say: (line: string) => void): Promise<TimelineSystem> {
  const suffix = randomBytes(3).toString('hex');
  const namespace = `bench-${suffix}`;
  const nats = await startBenchNats(namespace);
  const port = await findFreePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'polku-bench-timeline-'));
  const env: Record<string, string> = {
    // Not production: that would also require TLS to NATS, which the bench does not measure.
    NODE_ENV: 'development',
    // The demo issuer hands out real tokens for the demo users (dev-auth), as npm start does.
    POLKU_DEMO: 'true',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    HTTP_PORT: String(port),
    POLKU_DATA_DIR: dataDir,
    DATABASE_URL: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    DATABASE_NAME_PREFIX: `polku_bench_${suffix}`,
    DATABASE_CONNECT_RETRIES: '10',
    NATS_NAMESPACE: namespace,
    POLKU_START_NATS: 'never',
    // The bench's readers are one user each asking hundreds of times a minute: the per-user
    // limit (600/min) protects production from runaway clients, not what is measured here.
    RATE_LIMIT_PER_MINUTE: '1000000',
    // The demo directory has two Työnsilta users who do client work; 200 open timelines are 200 users' in
    // production, each within the per-user cap (10). Here two users hold them all.
    LIVE_SUBSCRIBERS_PER_USER: '200',
    ...nats.env,
  };
  say(`starting polku (launcher, services from dist) on :${port}, namespace ${namespace}…`);
  const launcher = startLauncher(env);
  const clients: Client[] = [];
  const stop = async () => {
    for (const client of clients) {
      await client.end().catch(() => undefined);
    }
    await launcher.interrupt(60_000).catch((error: unknown) => say(String(error)));
    await nats.stop();
    await dropDatabases(env.DATABASE_URL, env.DATABASE_NAME_PREFIX, say);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await launcher.waitForOutput(/polku is up: .*/, 300_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const config = loadConfig(ServiceConfig, env);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    env,
    config,
    launcher,
    async database(service) {
      const client = new Client({
        connectionString: urlWithDatabase(
          config.DATABASE_URL,
          serviceDatabaseName(config.DATABASE_NAME_PREFIX, service),
        ),
        application_name: 'polku-bench-monitor',
      });
      await client.connect();
      clients.push(client);
      return client;
    },
    stop,
  };
}

async function dropDatabases(
  url: string,
  prefix: string,
  say: (line: string) => void,
): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 || '%'",
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    say(`cleaned up: ${rows.length} databases ${prefix}*, the bench's nats-server and its store`);
  } finally {
    await client.end();
  }
}
