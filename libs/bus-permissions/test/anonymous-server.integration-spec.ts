import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNatsServer, type TestNats } from './support/nats-process';
import { NatsLink } from '@polku/messaging';
import { createBusKey } from '../src';

describe('a production process and a NATS server without users', () => {
  let dir: string;
  let nats: TestNats;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polku-open-nats-'));
    nats = await startNatsServer({ storeDir: dir });
  });

  afterAll(async () => {
    await nats?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a server that lets anonymous clients in, even with a seed of its own', async () => {
    const link = new NatsLink({
      servers: nats.url,
      name: 'polku-production-probe',
      seed: createBusKey().seed,
      refuseAnonymousServer: true,
    });
    await expect(link.connect()).rejects.toThrow(/accepts clients without credentials/);
    await link.close();
  });

  it('connects to the same server outside production (development convenience)', async () => {
    const link = new NatsLink({ servers: nats.url, name: 'polku-development' });
    await expect(link.connect()).resolves.toBeDefined();
    await link.close();
  });
});
