import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { NatsLink } from '../src';

// A shared library's tests cannot import @polku/local-infra (scope:tooling): the dependency would
// make every scope:shared library that uses messaging fail lint. Hence these few lines that start
// a nats-server the way local-infra's startNatsServer does.

const HOST = '127.0.0.1';

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

/** `nats-server -js` on HOST:port, once it accepts connections. */
async function startNatsServer(port: number, storeDir: string): Promise<ChildProcess> {
  const child = spawn(
    natsServerBinary(),
    ['-js', '-a', HOST, '-p', String(port), '-sd', storeDir],
    {
      stdio: 'ignore',
    },
  );
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`nats-server exited early with code ${code}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([waitUntil(() => accepts(port), `nats-server on port ${port}`), exited]);
  return child;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// These tests stop and restart NATS, so they use a nats-server of their own on a free port and
// never touch the one the rest of the suite shares.
describe('NatsLink', () => {
  let storeDir: string;
  let port: number;
  let server: ChildProcess | undefined;
  const links: NatsLink[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  async function startServer(): Promise<void> {
    server = await startNatsServer(port, storeDir);
  }

  async function stopServer(): Promise<void> {
    if (server) {
      await stopProcess(server);
    }
    server = undefined;
  }

  function newLink(url: string): NatsLink {
    const link = new NatsLink({ servers: url, name: 'polku-nats-link-test' });
    links.push(link);
    return link;
  }

  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled);
  });

  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  beforeEach(async () => {
    unhandled.length = 0;
    storeDir = await mkdtemp(join(tmpdir(), 'polku-nats-link-'));
    port = await freePort();
    await startServer();
  });

  afterEach(async () => {
    for (const link of links.splice(0)) {
      await link.close();
    }
    await stopServer();
    await rm(storeDir, { recursive: true, force: true });
  });

  it('should connect and answer ping with a round-trip time when the server runs', async () => {
    const link = newLink(`nats://127.0.0.1:${port}`);

    await link.connect();
    const rtt = await link.ping(2_000);

    expect(link.isConnected).toBe(true);
    expect(typeof rtt).toBe('number');
    expect(rtt).toBeGreaterThanOrEqual(0);
  });

  it('should share one connection when connect is called twice', async () => {
    const link = newLink(`nats://127.0.0.1:${port}`);

    const [first, second] = await Promise.all([link.connect(), link.connect()]);

    expect(second).toBe(first);
    expect(link.nc).toBe(first);
  });

  it('should report the outage and reconnect by itself when the server stops and starts again', async () => {
    const link = newLink(`nats://127.0.0.1:${port}`);
    await link.connect();
    await link.ping(2_000);

    await stopServer();
    await waitUntil(() => !link.isConnected, 'the link to notice', 15_000);
    await expect(link.ping(500)).rejects.toThrow(/not connected/);

    await startServer();
    await waitUntil(() => link.isConnected, 'the link to reconnect', 15_000);
    const rtt = await link.ping(2_000);

    expect(typeof rtt).toBe('number');
    expect(link.nc.isClosed()).toBe(false);
    expect(unhandled).toEqual([]);
  });

  it('should resolve close when the server is down', async () => {
    const link = newLink(`nats://127.0.0.1:${port}`);
    await link.connect();
    await stopServer();
    await waitUntil(() => !link.isConnected, 'the link to notice', 15_000);

    await expect(link.close()).resolves.toBeUndefined();

    expect(link.nc.isClosed()).toBe(true);
    expect(link.isConnected).toBe(false);
  });

  it('should resolve close and leave the connection closed when the server runs', async () => {
    const link = newLink(`nats://127.0.0.1:${port}`);
    await link.connect();

    await link.close();

    expect(link.nc.isClosed()).toBe(true);
    await waitUntil(() => !link.isConnected, 'the link to close', 2_000);
    await expect(link.ping(500)).rejects.toThrow(/not connected/);
  });

  it('should reject ping without waiting when connect was never called', async () => {
    const link = newLink(`nats://127.0.0.1:${port}`);

    await expect(link.ping(5_000)).rejects.toThrow(/not connected/);
    expect(() => link.nc).toThrow(/connect\(\) first/);
  });
});
