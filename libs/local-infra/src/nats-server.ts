import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import { isPortOpen, waitForPort } from './free-port';

/** Printed when NATS is needed, unreachable, and nats-server is not installed. */
export const NATS_INSTALL_HINT = [
  'install nats-server (2.9 or later) and try again:',
  '  Debian/Ubuntu:  sudo apt-get install nats-server',
  '  macOS:          brew install nats-server',
  '  Docker:         docker compose -f deploy/compose/docker-compose.yml up -d nats',
  'or point NATS_URL at a running server.',
].join('\n');

/** The nats-server executable on PATH (Debian puts it in /usr/sbin), or undefined. */
export function findNatsServerBinary(): string | undefined {
  const dirs = [
    ...(process.env.PATH ?? '').split(delimiter),
    '/usr/sbin',
    '/usr/local/sbin',
    '/usr/local/bin',
  ];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = join(dir, 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/** A nats-server this process started: its URL, and how to stop it. */
export interface RunningNats {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** The binary, address and JetStream store directory of a nats-server to start. */
export interface NatsServerOptions {
  readonly port: number;
  /** JetStream's file store; kept between runs unless the caller removes it. */
  readonly storeDir: string;
  readonly host?: string;
  /**
   * A configuration file for `nats-server -c`, e.g. the users and permissions rendered by
   * libs/bus-permissions. Port, host and store directory given here override it.
   */
  readonly configFile?: string;
  readonly log?: (line: string) => void;
}

/** Starts `nats-server -js` (with options.configFile) as a child process; waits until it accepts connections. */
export async function startNatsServer(options: NatsServerOptions): Promise<RunningNats> {
  const binary = findNatsServerBinary();
  if (!binary) {
    throw new Error(`nats-server is not installed.\n${NATS_INSTALL_HINT}`);
  }
  const host = options.host ?? '127.0.0.1';
  // Readiness is "the port accepts connections", which another process would fake.
  if (await isPortOpen(host, options.port)) {
    throw new Error(
      `cannot start nats-server: something already listens on ${host}:${options.port}`,
    );
  }
  const storeDir = resolve(options.storeDir);
  await mkdir(storeDir, { recursive: true });
  const args = [
    ...(options.configFile ? ['-c', resolve(options.configFile)] : []),
    ...['-js', '-a', host, '-p', String(options.port), '-sd', storeDir],
  ];
  const child = spawn(binary, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forward = (chunk: Buffer) =>
    chunk
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim())
      .forEach((line) => options.log?.(line));
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`nats-server exited with code ${code} before it was ready`)),
    ),
  );
  exited.catch(() => undefined);
  await Promise.race([waitForPort(host, options.port, 15_000), exited]);
  return {
    url: `nats://${host}:${options.port}`,
    port: options.port,
    process: child,
    stop: () => stopChild(child),
  };
}

/** SIGTERM, then SIGKILL if the process is still there after graceMs. */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
