import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { isPortOpen } from './free-port';
import { findNatsServerBinary, NATS_INSTALL_HINT, startNatsServer } from './nats-server';

/** Whether a server was already answering at the configured URL or was started by us. */
export type InfraSource = 'configured' | 'started';

/** A server polku can use, and how to stop it if we started it. */
export interface EnsuredServer {
  readonly url: string;
  readonly source: InfraSource;
  /** What to tell a person about it, e.g. "embedded PostgreSQL in .polku/postgres". */
  readonly description: string;
  stop(): Promise<void>;
}

/** The URL to try first, whether starting a server is allowed, and where its data goes. */
export interface EnsureOptions {
  readonly url: string;
  readonly mode: 'auto' | 'never';
  /** Where a started server keeps its files. */
  readonly dataDir: string;
  readonly log?: (line: string) => void;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
// Errors that mean "no server there" (as opposed to a server that refuses us).
const NOTHING_LISTENS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

type PostgresProbe = { reachable: true } | { reachable: false; absent: boolean; reason: string };

async function probePostgres(url: string): Promise<PostgresProbe> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return { reachable: true };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '3D000') {
      return { reachable: true }; // the server is there; the database gets created later
    }
    const reason = error instanceof Error ? error.message : String(error);
    const absent = (code !== undefined && NOTHING_LISTENS.has(code)) || /timeout/i.test(reason);
    return { reachable: false, absent, reason };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Uses the PostgreSQL at options.url when it answers. When nothing listens there and the host is
 * this machine, starts an embedded one on that port instead. A server that is there but refuses
 * us (wrong password, say) is reported, never papered over with a second server.
 */
export async function ensurePostgres(options: EnsureOptions): Promise<EnsuredServer> {
  const configured = new URL(options.url);
  const probe = await probePostgres(options.url);
  if (probe.reachable) {
    return {
      url: options.url,
      source: 'configured',
      description: `PostgreSQL at ${configured.host}`,
      stop: async () => undefined,
    };
  }
  if (!probe.absent) {
    throw new Error(`PostgreSQL at ${configured.host} refused the connection: ${probe.reason}`);
  }
  if (options.mode === 'never') {
    throw new Error(
      `PostgreSQL at ${configured.host} is unreachable (${probe.reason}) and POLKU_EMBEDDED_POSTGRES=never`,
    );
  }
  if (!LOCAL_HOSTS.has(configured.hostname)) {
    throw new Error(
      `PostgreSQL at ${configured.host} is unreachable (${probe.reason}); an embedded one can only stand in for a local address`,
    );
  }
  const dataDir = join(options.dataDir, 'postgres');
  const started = await startEmbeddedPostgres({
    dataDir,
    port: Number(configured.port || 5432),
    log: options.log,
  });
  return {
    url: started.url,
    source: 'started',
    description: `embedded PostgreSQL in ${dataDir}`,
    stop: started.stop,
  };
}

/**
 * Uses the NATS at options.url when it accepts connections; otherwise starts `nats-server -js`
 * from PATH on that port, or fails with installation instructions.
 */
export async function ensureNats(options: EnsureOptions): Promise<EnsuredServer> {
  const first = new URL(options.url.split(',')[0].trim());
  const port = Number(first.port || 4222);
  // URL keeps IPv6 hosts in brackets; sockets want them bare.
  const hostname = first.hostname.replace(/^\[(.*)\]$/, '$1');
  if (await isPortOpen(hostname, port)) {
    return {
      url: options.url,
      source: 'configured',
      description: `NATS at ${first.host}`,
      stop: async () => undefined,
    };
  }
  if (options.mode === 'never') {
    throw new Error(`NATS at ${first.host} is unreachable and POLKU_START_NATS=never`);
  }
  if (!LOCAL_HOSTS.has(first.hostname)) {
    throw new Error(
      `NATS at ${first.host} is unreachable; nats-server can only be started for a local address`,
    );
  }
  if (!findNatsServerBinary()) {
    throw new Error(
      `NATS at ${first.host} is unreachable and nats-server is not installed.\n${NATS_INSTALL_HINT}`,
    );
  }
  const storeDir = join(options.dataDir, 'nats');
  const started = await startNatsServer({
    port,
    storeDir,
    host: hostname === 'localhost' ? '127.0.0.1' : hostname,
    log: options.log,
  });
  return {
    url: started.url,
    source: 'started',
    description: `nats-server with its store in ${storeDir}`,
    stop: started.stop,
  };
}
