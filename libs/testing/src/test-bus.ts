import {
  type BusIdentity,
  type NatsConnectionConfig,
  seedFromKeyFile,
  natsLinkOptionsFor,
  provisionBus,
  type ProvisionBusOptions,
  type ProvisioningConfig,
  TEST_TOOLS,
} from '@polku/bus-permissions';
import { NatsLink } from '@polku/messaging';

/**
 * The provisioning step for a system under test, as npm start runs it before the services:
 * the namespace's streams and the durables of the given services (default all), plus any a
 * test's own handlers need (extraConsumers). Run it before the services start.
 */
export async function provisionTestBus(
  config: ProvisioningConfig,
  options: ProvisionBusOptions = {},
): Promise<void> {
  // Always the provisioner's key from the test key file, also for a production-mode system.
  await provisionBus({ ...config, NODE_ENV: 'test', NATS_NKEY_SEED: '' }, options);
}

/**
 * A NATS connection as the test tools' user, which only the test server knows: for tests that
 * read streams, republish or forge events the way no service may (docs/security.md).
 */
export function testToolsLink(config: NatsConnectionConfig, name: string): NatsLink {
  return new NatsLink(
    natsLinkOptionsFor({ ...config, NODE_ENV: 'test', NATS_NKEY_SEED: '' }, TEST_TOOLS, name),
  );
}

/**
 * The test server's configuration file (users and permissions), for a test that starts a
 * nats-server of its own, e.g. to stop and restart it: it must accept the same users.
 */
export function testNatsConfigFile(): string {
  const file = process.env.POLKU_TEST_NATS_CONFIG_FILE;
  if (!file) {
    throw new Error('POLKU_TEST_NATS_CONFIG_FILE is unset: run this suite through its jest config');
  }
  return file;
}

/**
 * The seed of one identity on the test server, for a test that runs a process in production
 * mode, where NATS_NKEY_SEED must be set (docs/security.md).
 */
export function testNatsSeed(identity: BusIdentity): string {
  const file = process.env.POLKU_TEST_NATS_NKEY_FILE;
  if (!file) {
    throw new Error('POLKU_TEST_NATS_NKEY_FILE is unset: run this suite through its jest config');
  }
  return seedFromKeyFile(file, identity);
}
