import { readFileSync } from 'node:fs';

/**
 * The seed of the test server's test-tools user, from the key file the integration global setup
 * wrote. This library's tests cannot use libs/bus-permissions, which depends on this library.
 */
export function testToolsSeed(): string {
  const file = process.env.POLKU_TEST_NATS_NKEY_FILE;
  if (!file) {
    throw new Error('POLKU_TEST_NATS_NKEY_FILE is unset: run this suite through its jest config');
  }
  const keys = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { seed: string }>;
  return keys['test-tools'].seed;
}

/** The test tools' credentials and the test server's CA, for NatsLinkOptions. */
export function testToolsAuth(): { seed: string; tls?: { caFile: string } } {
  const caFile = process.env.POLKU_TEST_NATS_TLS_CA_FILE;
  return { seed: testToolsSeed(), ...(caFile ? { tls: { caFile } } : {}) };
}
