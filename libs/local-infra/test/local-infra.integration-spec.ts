import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureNats,
  ensurePostgres,
  type EnsuredServer,
  findFreePort,
  isPortOpen,
  type RunningNats,
  startNatsServer,
  waitForPort,
} from '../src';

const HOST = '127.0.0.1';

/** A variable the integration global setup sets. */
function setupVariable(name: 'POLKU_TEST_DATABASE_URL' | 'POLKU_TEST_NATS_URL'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is unset: run this suite through jest.integration.config.js`);
  }
  return value;
}

/** Listens on host:port until closed. */
function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(port, HOST, () => resolve(server));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** The first line a server sends after accepting a connection. */
function greeting(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let received = '';
    socket.setTimeout(5_000, () => {
      socket.destroy();
      reject(new Error(`no greeting from ${HOST}:${port}`));
    });
    socket.once('error', reject);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      const end = received.indexOf('\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(received.slice(0, end));
      }
    });
    socket.connect(port, HOST);
  });
}

describe('local infrastructure', () => {
  let dataDir: string;
  const toStop: (RunningNats | EnsuredServer)[] = [];
  const toClose: Server[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'polku-local-infra-'));
  });

  afterEach(async () => {
    for (const server of toStop.splice(0)) {
      await server.stop();
    }
    for (const server of toClose.splice(0)) {
      await closeServer(server);
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('ports', () => {
    it('should give a port nothing listens on when asked for a free one', async () => {
      const port = await findFreePort();

      expect(Number.isInteger(port)).toBe(true);
      expect(port).toBeGreaterThan(0);
      expect(port).toBeLessThanOrEqual(65535);
      await expect(isPortOpen(HOST, port)).resolves.toBe(false);
    });

    it('should report the port open when something listens on it', async () => {
      const port = await findFreePort();
      toClose.push(await listen(port));

      await expect(isPortOpen(HOST, port)).resolves.toBe(true);
    });

    it('should resolve waitForPort when the port starts listening while it waits', async () => {
      const port = await findFreePort();

      const waiting = waitForPort(HOST, port, 5_000);
      toClose.push(await listen(port));

      await expect(waiting).resolves.toBeUndefined();
    });

    it('should reject waitForPort naming the address when nothing listens before the timeout', async () => {
      const port = await findFreePort();

      await expect(waitForPort(HOST, port, 300)).rejects.toThrow(
        `nothing listens on ${HOST}:${port}`,
      );
    });
  });

  describe('startNatsServer', () => {
    it('should accept NATS connections when started and end its process when stopped', async () => {
      const port = await findFreePort();

      const nats = await startNatsServer({ port, storeDir: join(dataDir, 'nats') });
      toStop.push(nats);

      expect(nats.url).toBe(`nats://${HOST}:${port}`);
      expect(nats.port).toBe(port);
      await expect(greeting(port)).resolves.toMatch(/^INFO \{/);

      await nats.stop();

      expect(nats.process.exitCode !== null || nats.process.signalCode !== null).toBe(true);
      await expect(isPortOpen(HOST, port)).resolves.toBe(false);
    });

    it('should reject naming the address when something else already listens on the port', async () => {
      const port = await findFreePort();
      toClose.push(await listen(port));

      await expect(startNatsServer({ port, storeDir: join(dataDir, 'nats') })).rejects.toThrow(
        `something already listens on ${HOST}:${port}`,
      );
    });
  });

  describe('ensureNats', () => {
    it('should reject mentioning POLKU_START_NATS when nothing listens and mode is never', async () => {
      const port = await findFreePort();

      await expect(
        ensureNats({ url: `nats://${HOST}:${port}`, mode: 'never', dataDir }),
      ).rejects.toThrow(/POLKU_START_NATS/);
      await expect(isPortOpen(HOST, port)).resolves.toBe(false);
    });

    it('should start a nats-server on the configured port when nothing listens on a local address and mode is auto', async () => {
      const port = await findFreePort();

      const nats = await ensureNats({ url: `nats://${HOST}:${port}`, mode: 'auto', dataDir });
      toStop.push(nats);

      expect(nats.source).toBe('started');
      expect(nats.url).toBe(`nats://${HOST}:${port}`);
      expect(nats.description).toContain(join(dataDir, 'nats'));
      await expect(greeting(port)).resolves.toMatch(/^INFO \{/);

      await nats.stop();

      await expect(isPortOpen(HOST, port)).resolves.toBe(false);
    });

    it('should use the running server as configured when something listens at the URL', async () => {
      const url = setupVariable('POLKU_TEST_NATS_URL');

      const nats = await ensureNats({ url, mode: 'never', dataDir });
      await nats.stop();

      expect(nats.source).toBe('configured');
      expect(nats.url).toBe(url);
      // stop() of a configured server leaves it running.
      const first = new URL(url.split(',')[0]);
      await expect(isPortOpen(first.hostname, Number(first.port || 4222))).resolves.toBe(true);
    });

    it('should reject without starting anything when the unreachable address is not local', async () => {
      await expect(
        ensureNats({ url: 'nats://polku-does-not-exist.invalid:4222', mode: 'auto', dataDir }),
      ).rejects.toThrow(/local address/);
    });
  });

  describe('ensurePostgres', () => {
    it('should use the running server as configured when it answers at the URL', async () => {
      const url = setupVariable('POLKU_TEST_DATABASE_URL');

      const postgres = await ensurePostgres({ url, mode: 'never', dataDir });
      await postgres.stop();

      expect(postgres.source).toBe('configured');
      expect(postgres.url).toBe(url);
      // stop() of a configured server leaves it running.
      const configured = new URL(url);
      await expect(isPortOpen(configured.hostname, Number(configured.port || 5432))).resolves.toBe(
        true,
      );
    });

    it('should reject mentioning POLKU_EMBEDDED_POSTGRES when nothing listens and mode is never', async () => {
      const port = await findFreePort();

      await expect(
        ensurePostgres({
          url: `postgres://postgres@${HOST}:${port}/postgres`,
          mode: 'never',
          dataDir,
        }),
      ).rejects.toThrow(/POLKU_EMBEDDED_POSTGRES/);
      await expect(isPortOpen(HOST, port)).resolves.toBe(false);
    });

    it('should reject without starting anything when the host name does not resolve', async () => {
      const started = Date.now();

      await expect(
        ensurePostgres({
          url: 'postgres://postgres@polku-does-not-exist.invalid:5432/postgres',
          mode: 'auto',
          dataDir,
        }),
      ).rejects.toThrow(/polku-does-not-exist\.invalid/);
      expect(Date.now() - started).toBeLessThan(10_000);
    }, 15_000);
  });
});
