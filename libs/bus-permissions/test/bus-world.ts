import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, ServiceConfig } from '@polku/config';
import { startNatsServer, type TestNats } from './support/nats-process';
import { NatsLink } from '@polku/messaging';
import {
  type BusIdentity,
  natsLinkOptionsFor,
  provisionBus,
  type ProvisionBusOptions,
  writeServerConfig,
} from '../src';

/** A nats-server of its own, configured from the matrix for one exact namespace. */
export interface BusWorld {
  readonly nats: TestNats;
  readonly config: ServiceConfig;
  /** A connection as one identity (closed by close()). */
  connectAs(identity: BusIdentity): Promise<NatsLink>;
  close(): Promise<void>;
}

/** Starts nats-server with the rendered configuration and provisions the namespace. */
export async function startBusWorld(
  namespace: string,
  provisioning: ProvisionBusOptions = {},
): Promise<BusWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'polku-bus-'));
  const files = await writeServerConfig({ dir, scope: { kind: 'exact', namespace } });
  const nats = await startNatsServer({
    storeDir: join(dir, 'store'),
    configFile: files.configFile,
  });
  const config = loadConfig(ServiceConfig, {
    NODE_ENV: 'test',
    NATS_URL: nats.url,
    NATS_NAMESPACE: namespace,
    NATS_NKEY_FILE: files.keyFile,
  });
  await provisionBus(config, provisioning);
  const links: NatsLink[] = [];
  return {
    nats,
    config,
    async connectAs(identity) {
      const link = new NatsLink(natsLinkOptionsFor(config, identity, `polku-test-${identity}`));
      links.push(link);
      await link.connect();
      return link;
    },
    async close() {
      await Promise.all(links.map((link) => link.close()));
      await nats.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
