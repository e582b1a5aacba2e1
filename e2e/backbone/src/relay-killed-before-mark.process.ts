// Child process for the relay-crash test: runs a real OutboxRelay and kills itself with
// SIGKILL at the moment it is about to mark published rows, i.e. after every PubAck arrived.
import 'reflect-metadata';
import { natsLinkOptionsFor } from '@polku/bus-permissions';
import { loadConfig, ServiceConfig } from '@polku/config';
import { NatsLink, OutboxRelay } from '@polku/messaging';
import { openServiceDataSource, serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import { Client } from 'pg';
import { FIXTURE_MIGRATIONS } from './referral-projection.fixture';

async function main(): Promise<void> {
  const config = loadConfig(ServiceConfig, process.env);
  const dataSource = await openServiceDataSource({
    service: 'client-intake',
    config,
    entities: [],
    migrations: FIXTURE_MIGRATIONS,
  });
  // At the wire: the relay runs its statements as prepared statements on pg's client, below
  // TypeORM, so this is the last moment before the mark could reach PostgreSQL.
  const query = Client.prototype.query;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const [config] = args;
    const text = typeof config === 'string' ? config : (config as { text?: unknown })?.text;
    if (typeof text === 'string' && text.startsWith('UPDATE outbox_message SET published_at')) {
      process.kill(process.pid, 'SIGKILL');
    }
    return (query as (...queryArgs: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  // ClientReferred is client-intake's subject: its relay publishes as client-intake's user.
  const link = new NatsLink(
    natsLinkOptionsFor(config, 'client-intake', 'polku-test-crashing-relay'),
  );
  await link.connect();
  const relay = new OutboxRelay({
    dataSource,
    link,
    namespace: config.NATS_NAMESPACE,
    listenUrl: urlWithDatabase(
      config.DATABASE_URL,
      serviceDatabaseName(config.DATABASE_NAME_PREFIX, 'client-intake'),
    ),
    batchSize: 100,
    pollIntervalMs: 50,
    maxBackoffMs: 500,
  });
  await relay.drainOnce();
  process.stderr.write('the relay marked rows without being killed\n');
  process.exit(3);
}

void main();
