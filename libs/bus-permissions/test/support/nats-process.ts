import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { delimiter, join } from 'node:path';

// A shared library's tests cannot import @polku/local-infra (scope:tooling): the dependency
// would make every scope:shared library that uses this one fail lint. Hence these few lines
// that start a nats-server the way local-infra's startNatsServer does.

const HOST = '127.0.0.1';

/** A nats-server of a test's own. */
export interface TestNats {
  readonly url: string;
  stop(): Promise<void>;
}

/** Polls until check() holds, failing with what it waited for after timeoutMs. */
async function waitUntil(
  check: () => boolean | Promise<boolean>,
  description: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function natsServerBinary(): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/bin'];
  for (const dir of dirs.filter(Boolean)) {
    try {
      accessSync(join(dir, 'nats-server'), constants.X_OK);
      return join(dir, 'nats-server');
    } catch {
      // not in this folder
    }
  }
  throw new Error('nats-server is not installed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, HOST, () => done(true));
  });
}

/** `nats-server -js` (with configFile) on a free port, once it accepts connections. */
export async function startNatsServer(options: {
  readonly storeDir: string;
  readonly configFile?: string;
}): Promise<TestNats> {
  const port = await freePort();
  const child = spawn(
    natsServerBinary(),
    [
      ...(options.configFile ? ['-c', options.configFile] : []),
      ...['-js', '-a', HOST, '-p', String(port), '-sd', options.storeDir],
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`nats-server exited early with code ${code}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([waitUntil(() => accepts(port), `nats-server on port ${port}`), exited]);
  return {
    url: `nats://${HOST}:${port}`,
    stop: () =>
      child.exitCode !== null
        ? Promise.resolve()
        : new Promise((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
  };
}
