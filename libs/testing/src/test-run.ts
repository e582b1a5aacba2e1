import { randomBytes } from 'node:crypto';
import { GatewayConfig, loadConfig, ServiceConfig } from '@polku/config';
import { testDatabasePrefixOfRun } from './test-run-prefix';

function currentRunId(): string {
  const runId = process.env.POLKU_TEST_RUN_ID;
  if (!runId) {
    throw new Error(
      'POLKU_TEST_RUN_ID is unset: run integration tests through their jest config (global setup)',
    );
  }
  return runId;
}

/**
 * Environment for one isolated system under test: its own database names and its own NATS
 * namespace, on the servers the global setup made sure of. Each call gives a fresh isolation,
 * so tests never see each other's data.
 */
export function isolatedTestEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const runId = currentRunId();
  // Random, not a counter: jest gives every test file a fresh module registry in the same
  // process, so a module-level counter would hand two files the same databases and subjects.
  const isolation = randomBytes(4).toString('hex');
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    DATABASE_URL:
      process.env.POLKU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    DATABASE_NAME_PREFIX: `${testDatabasePrefixOfRun(runId)}${isolation}`,
    DATABASE_CONNECT_RETRIES: '0',
    DATABASE_POOL_MAX: '4',
    NATS_URL: process.env.POLKU_TEST_NATS_URL ?? 'nats://127.0.0.1:4222',
    NATS_NAMESPACE: `t-${runId}-${isolation}`,
    // The keys of the test server's users, written by the global setup (docs/security.md).
    ...(process.env.POLKU_TEST_NATS_NKEY_FILE
      ? { NATS_NKEY_FILE: process.env.POLKU_TEST_NATS_NKEY_FILE }
      : {}),
    ...(process.env.POLKU_TEST_NATS_TLS_CA_FILE
      ? { NATS_TLS_CA_FILE: process.env.POLKU_TEST_NATS_TLS_CA_FILE }
      : {}),
    ...overrides,
  };
}

/** ServiceConfig (or the service's own config class) for an in-process service under test. */
export function testServiceConfig(
  env: Record<string, string> = isolatedTestEnv(),
  configClass: new () => ServiceConfig = ServiceConfig,
): ServiceConfig {
  return loadConfig(configClass, env);
}

/** GatewayConfig for an in-process gateway under test. */
export function testGatewayConfig(env: Record<string, string> = isolatedTestEnv()): GatewayConfig {
  // As npm start: the demo issuer when no real one is named (a test may say POLKU_DEMO=false).
  const demo = env.NODE_ENV !== 'production' && (env.AUTH_ISSUER ?? '') === '';
  return loadConfig(GatewayConfig, { ...(demo ? { POLKU_DEMO: 'true' } : {}), ...env });
}
