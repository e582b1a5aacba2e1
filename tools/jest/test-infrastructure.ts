// Shared by the integration global setup and teardown. Imports of our libraries are relative on
// purpose: jest loads global setup outside its module registry, where the @polku/* aliases do
// not resolve; tsconfig-paths resolves the aliases inside those libraries.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { register } from 'tsconfig-paths';
import {
  ensurePostgres,
  type EnsuredServer,
} from '../../libs/local-infra/src/ensure-infrastructure';
import { findFreePort } from '../../libs/local-infra/src/free-port';
import { startNatsServer } from '../../libs/local-infra/src/nats-server';
import { testDatabasePrefixOfRun } from '../../libs/testing/src/test-run-prefix';

const workspaceRoot = resolve(__dirname, '../..');

declare global {
  // Servers this jest process started itself and must stop again.
  var __POLKU_STARTED_SERVERS__: EnsuredServer[] | undefined;
}

/**
 * A throw-away certificate for 127.0.0.1 and localhost, so the test server speaks TLS as
 * production must, and production-mode processes can run against it.
 */
function selfSignedCertificate(dir: string): { certFile: string; keyFile: string } {
  const certFile = join(dir, 'nats-cert.pem');
  const keyFile = join(dir, 'nats-key.pem');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
      ...['-nodes', '-days', '2', '-subj', '/CN=polku-test-nats'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
      ...['-keyout', keyFile, '-out', certFile],
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile };
}

/**
 * A nats-server of this run's own on a free port, never the machine's (unauthenticated) one:
 * started with the users and permissions rendered from the permission matrix for any
 * namespace (each test system has a random one), plus the test tools' user. Its keys and
 * configuration live in a temporary folder removed at teardown.
 */
async function startTestNats(): Promise<EnsuredServer> {
  register({ baseUrl: workspaceRoot, paths: { '@polku/*': ['libs/*/src/index.ts'] } });
  // Loaded after register(): the library imports @polku/* itself.
  const { writeServerConfig } = await import('../../libs/bus-permissions/src/server-config-file');
  const dir = await mkdtemp(join(tmpdir(), 'polku-test-nats-'));
  const tls = selfSignedCertificate(dir);
  const files = await writeServerConfig({
    dir,
    scope: { kind: 'any-namespace' },
    testTools: true,
    tls,
  });
  const nats = await startNatsServer({
    port: await findFreePort(),
    storeDir: join(dir, 'store'),
    configFile: files.configFile,
  });
  process.env.POLKU_TEST_NATS_NKEY_FILE = files.keyFile;
  process.env.POLKU_TEST_NATS_CONFIG_FILE = files.configFile;
  // The certificate is its own CA: every test connection verifies the server with it.
  process.env.POLKU_TEST_NATS_TLS_CA_FILE = tls.certFile;
  return {
    url: nats.url,
    source: 'started',
    description: `authenticated nats-server in ${dir}`,
    async stop() {
      await nats.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Makes sure PostgreSQL runs (starting an embedded one when it does not, exactly as `npm start`
 * does), starts this run's own authenticated nats-server, and gives this run an id that
 * isolates its databases and NATS subjects from every other test system.
 */
export async function setUpTestInfrastructure(): Promise<void> {
  const dataDir = resolve(workspaceRoot, '.polku/test');
  // One after the other: startTestNats blocks the event loop for seconds on a loaded machine
  // (openssl, compiling the permission matrix), and a PostgreSQL probe running beside it timed
  // out (3 s), took the running server for absent and failed starting a second one.
  const postgres = await ensurePostgres({
    url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    mode: 'auto',
    dataDir,
  });
  const nats = await startTestNats();
  globalThis.__POLKU_STARTED_SERVERS__ = [postgres, nats].filter(
    (server) => server.source === 'started',
  );
  process.env.POLKU_TEST_DATABASE_URL = postgres.url;
  process.env.POLKU_TEST_NATS_URL = nats.url;
  process.env.POLKU_TEST_RUN_ID ??= `${Date.now().toString(36).slice(-6)}${Math.floor(
    Math.random() * 1296,
  )
    .toString(36)
    .padStart(2, '0')}`;
}

/** Drops every database this run created and stops what setup started (its NATS with its store). */
export async function tearDownTestInfrastructure(): Promise<void> {
  const url = process.env.POLKU_TEST_DATABASE_URL;
  const runId = process.env.POLKU_TEST_RUN_ID;
  if (url && runId) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1 || '%'",
        [testDatabasePrefixOfRun(runId)],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    } finally {
      await client.end();
    }
  }
  for (const server of globalThis.__POLKU_STARTED_SERVERS__ ?? []) {
    await server.stop();
  }
}
