// Shared by the integration global setup and teardown. Imports are relative on purpose: jest
// loads global setup outside its module registry, where the @polku/* aliases do not resolve.
import { resolve } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import {
  ensureNats,
  ensurePostgres,
  type EnsuredServer,
} from '../../libs/local-infra/src/ensure-infrastructure';
import {
  testDatabasePrefixOfRun,
  testStreamPrefixOfRun,
} from '../../libs/testing/src/test-run-prefix';

const workspaceRoot = resolve(__dirname, '../..');

declare global {
  // Servers this jest process started itself and must stop again.
  var __POLKU_STARTED_SERVERS__: EnsuredServer[] | undefined;
}

/**
 * Makes sure PostgreSQL and NATS run (starting an embedded PostgreSQL or nats-server when they
 * do not, exactly as `npm start` does) and gives this run an id that isolates its databases and
 * NATS subjects from every other run on the same servers.
 */
export async function setUpTestInfrastructure(): Promise<void> {
  const dataDir = resolve(workspaceRoot, '.polku/test');
  const [postgres, nats] = await Promise.all([
    ensurePostgres({
      url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      mode: 'auto',
      dataDir,
    }),
    ensureNats({ url: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', mode: 'auto', dataDir }),
  ]);
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

/**
 * Deletes every JetStream stream (and with it its consumers) this run created. On a machine
 * that keeps its nats-server, streams left behind pile up run after run (250 streams with 964
 * consumers were found after a day of test runs) and make the server slower for everything.
 */
async function deleteStreamsOfRun(natsUrl: string, runId: string): Promise<void> {
  const prefix = testStreamPrefixOfRun(runId);
  const nc = await connect({ servers: natsUrl, name: 'polku-test-teardown' });
  try {
    const jsm = await jetstreamManager(nc);
    const names: string[] = [];
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(prefix)) {
        names.push(stream.config.name);
      }
    }
    for (const name of names) {
      await jsm.streams.delete(name);
    }
  } finally {
    await nc.close();
  }
}

/** Drops every database and stream this run created and stops what setup started. */
export async function tearDownTestInfrastructure(): Promise<void> {
  const url = process.env.POLKU_TEST_DATABASE_URL;
  const runId = process.env.POLKU_TEST_RUN_ID;
  const natsUrl = process.env.POLKU_TEST_NATS_URL;
  if (natsUrl && runId) {
    await deleteStreamsOfRun(natsUrl, runId);
  }
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
