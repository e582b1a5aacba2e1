import { createServer } from 'node:net';
import { loadConfig, ServiceConfig } from '@polku/config';
import { Client } from 'pg';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  dropDatabase,
  ensureDatabase,
  openServiceDataSource,
  serviceDatabaseName,
  urlWithDatabase,
  waitForPostgres,
  type ServicePersistenceOptions,
} from '../src';

// A shared library's tests cannot import @polku/testing or @polku/local-infra (scope:tooling):
// the dependency would make every scope:shared library that uses persistence fail lint. Hence
// the few helpers below instead of isolatedTestEnv, testDatabasePrefixOfRun and findFreePort.

const SERVICE = 'persistence-test';

/**
 * The tables every service's database has (outbox, inbox, dead letters), in a migration of this
 * test's own: the real one belongs to @polku/messaging, which depends on this library.
 */
class FixtureTables1763900000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE outbox_message (id uuid PRIMARY KEY)');
    await queryRunner.query('CREATE TABLE inbox_message (message_id text PRIMARY KEY)');
    await queryRunner.query('CREATE TABLE dead_letter (id bigserial PRIMARY KEY)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dead_letter, inbox_message, outbox_message');
  }
}

/** A variable the integration global setup sets. */
function setupVariable(name: 'POLKU_TEST_DATABASE_URL' | 'POLKU_TEST_RUN_ID'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is unset: run this suite through jest.integration.config.js`);
  }
  return value;
}

const serverUrl = (): string => setupVariable('POLKU_TEST_DATABASE_URL');

let names = 0;
/** Every database this file may have created; dropped in afterAll. */
const createdDatabases: string[] = [];

/**
 * A fresh name under this run's prefix (pt_<runId>_, as @polku/testing's testDatabasePrefixOfRun
 * gives), so the global teardown would drop it even if afterAll did not run.
 */
function newName(label: string): string {
  names += 1;
  return `pt_${setupVariable('POLKU_TEST_RUN_ID')}_${process.pid}_${label}_${names}`;
}

function newDatabaseName(label: string): string {
  const name = newName(label);
  createdDatabases.push(name);
  return name;
}

/** A local TCP port nothing listens on (a moment ago). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function query<T extends object>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  const rows = await query(serverUrl(), 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return rows.length === 1;
}

describe('persistence against PostgreSQL', () => {
  const openDataSources: DataSource[] = [];

  /** Options for a service with a database of its own, as @polku/testing's isolatedTestEnv gives. */
  function persistenceOptions(env: Record<string, string> = {}): ServicePersistenceOptions {
    const prefix = newName('svc');
    createdDatabases.push(serviceDatabaseName(prefix, SERVICE));
    return {
      service: SERVICE,
      config: loadConfig(ServiceConfig, {
        DATABASE_URL: serverUrl(),
        DATABASE_NAME_PREFIX: prefix,
        DATABASE_CONNECT_RETRIES: '0',
        DATABASE_POOL_MAX: '4',
        ...env,
      }),
      entities: [],
      migrations: [FixtureTables1763900000000],
    };
  }

  async function open(options: ServicePersistenceOptions): Promise<DataSource> {
    const dataSource = await openServiceDataSource(options);
    openDataSources.push(dataSource);
    return dataSource;
  }

  function databaseUrlOf(options: ServicePersistenceOptions): string {
    return urlWithDatabase(
      options.config.DATABASE_URL,
      serviceDatabaseName(options.config.DATABASE_NAME_PREFIX, options.service),
    );
  }

  afterEach(async () => {
    for (const dataSource of openDataSources.splice(0)) {
      if (dataSource.isInitialized) {
        await dataSource.destroy();
      }
    }
  });

  afterAll(async () => {
    for (const name of createdDatabases.splice(0)) {
      await dropDatabase(serverUrl(), name);
    }
  });

  describe('ensureDatabase', () => {
    it('should create the database and then find it when called twice', async () => {
      const name = newDatabaseName('ensure');

      await expect(ensureDatabase(serverUrl(), name)).resolves.toBe('created');
      expect(await databaseExists(name)).toBe(true);
      await expect(ensureDatabase(serverUrl(), name)).resolves.toBe('existed');
    });

    it('should create the database exactly once without an error when five calls race', async () => {
      const name = newDatabaseName('race');

      const results = await Promise.all(
        Array.from({ length: 5 }, () => ensureDatabase(serverUrl(), name)),
      );

      expect(results.filter((result) => result === 'created')).toHaveLength(1);
      expect(results.filter((result) => result === 'existed')).toHaveLength(4);
      expect(await databaseExists(name)).toBe(true);
    });
  });

  describe('openServiceDataSource', () => {
    it('should create the database and apply its migrations when the database is new', async () => {
      const options = persistenceOptions();

      const dataSource = await open(options);

      const tables = await dataSource.query<{ table_name: string }[]>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.map((row) => row.table_name)).toEqual(
        expect.arrayContaining([
          'dead_letter',
          'inbox_message',
          'outbox_message',
          'typeorm_migrations',
        ]),
      );
      const applied = await dataSource.query<{ name: string }[]>(
        'SELECT name FROM typeorm_migrations',
      );
      expect(applied).toEqual([{ name: 'FixtureTables1763900000000' }]);
      expect(await dataSource.showMigrations()).toBe(false);
    });

    it('should apply nothing when opened a second time on a migrated database', async () => {
      const options = persistenceOptions();
      const first = await open(options);
      const before = await first.query<{ id: number; timestamp: string }[]>(
        'SELECT id, timestamp FROM typeorm_migrations',
      );
      await first.destroy();

      const second = await open(options);

      const after = await second.query<{ id: number; timestamp: string }[]>(
        'SELECT id, timestamp FROM typeorm_migrations',
      );
      expect(after).toEqual(before);
      expect(after).toHaveLength(1);
      expect(await second.showMigrations()).toBe(false);
    });

    it('should migrate once and let all three succeed when three processes open a new database at once', async () => {
      const options = persistenceOptions({ DATABASE_MIGRATIONS_RUN: 'true' });

      const dataSources = await Promise.all([open(options), open(options), open(options)]);

      expect(dataSources.every((dataSource) => dataSource.isInitialized)).toBe(true);
      const applied = await query<{ name: string }>(
        databaseUrlOf(options),
        'SELECT name FROM typeorm_migrations',
      );
      expect(applied).toEqual([{ name: 'FixtureTables1763900000000' }]);
    });

    it('should leave migrations pending when DATABASE_MIGRATIONS_RUN is false on a new database', async () => {
      const options = persistenceOptions({ DATABASE_MIGRATIONS_RUN: 'false' });
      expect(options.config.DATABASE_MIGRATIONS_RUN).toBe(false);

      const dataSource = await open(options);

      expect(await dataSource.showMigrations()).toBe(true);
      const outbox = await dataSource.query<{ exists: boolean }[]>(
        "SELECT to_regclass('public.outbox_message') IS NOT NULL AS exists",
      );
      expect(outbox).toEqual([{ exists: false }]);
    });

    it('should apply the migrations when DATABASE_POOL_MAX is 1', async () => {
      const options = persistenceOptions({ DATABASE_POOL_MAX: '1' });

      const dataSource = await open(options);

      expect(await dataSource.showMigrations()).toBe(false);
      const applied = await dataSource.query<{ name: string }[]>(
        'SELECT name FROM typeorm_migrations',
      );
      expect(applied).toEqual([{ name: 'FixtureTables1763900000000' }]);
    });

    it('should name its connections after the service when connected', async () => {
      const dataSource = await open(persistenceOptions());

      const [row] = await dataSource.query<{ application_name: string }[]>(
        "SELECT current_setting('application_name') AS application_name",
      );
      expect(row.application_name).toBe(`polku-${SERVICE}`);
    });
  });

  describe('waitForPostgres', () => {
    it('should resolve when the server accepts connections', async () => {
      await expect(
        waitForPostgres(serverUrl(), { attempts: 1, delayMs: 50 }),
      ).resolves.toBeUndefined();
    });

    it('should resolve when the server is up but the database in the URL does not exist', async () => {
      const url = urlWithDatabase(serverUrl(), newDatabaseName('missing'));

      await expect(waitForPostgres(url, { attempts: 1, delayMs: 50 })).resolves.toBeUndefined();
    });

    it('should reject saying unreachable after its attempts when nothing listens on the port', async () => {
      const port = await freePort();
      const url = `postgres://postgres:hunter2@127.0.0.1:${port}/postgres`;

      const failure = waitForPostgres(url, { attempts: 2, delayMs: 50 });

      await expect(failure).rejects.toThrow(/unreachable/);
      await expect(failure).rejects.not.toThrow(/hunter2/);
    });
  });
});
