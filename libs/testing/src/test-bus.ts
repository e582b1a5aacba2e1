import {
  type NatsConnectionConfig,
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
  await provisionBus(config, options);
}

/**
 * A NATS connection as the test tools' user, which only the test server knows: for tests that
 * read streams, republish or forge events the way no service may (docs/security.md).
 */
export function testToolsLink(config: NatsConnectionConfig, name: string): NatsLink {
  return new NatsLink(natsLinkOptionsFor(config, TEST_TOOLS, name));
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
