import { loadConfig, ServiceConfig } from '@polku/config';
import {
  dropDatabase,
  openServiceDataSource,
  serviceDatabaseName,
  urlWithDatabase,
} from '@polku/persistence';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { TimerTable1763950000000 } from '../src';

// As in libs/persistence/test: a shared library's tests cannot import @polku/testing
// (scope:tooling), hence these few helpers instead of isolatedTestEnv and waitFor.

function setupVariable(name: 'POLKU_TEST_DATABASE_URL' | 'POLKU_TEST_RUN_ID'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is unset: run this suite through jest.integration.config.js`);
  }
  return value;
}

/** What a handler did, written in its transaction: one row per firing that committed. */
export class TimerEffectTable1763950999000 implements MigrationInterface {
  readonly name = 'TimerEffectTable1763950999000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE timer_effect (
        id bigserial PRIMARY KEY,
        timer_id uuid NOT NULL,
        key text NOT NULL,
        fired_by text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE timer_effect');
  }
}

export interface TimerTestDatabase {
  readonly dataSource: DataSource;
  /** The database's own URL, for a child process or a second replica. */
  readonly url: string;
  /** Another pool on the same database: a second replica. */
  openReplica(): Promise<DataSource>;
  close(): Promise<void>;
}

/**
 * A throwaway database under this run's prefix (pt_<runId>_, which the global teardown drops
 * even when a suite dies) with the timer migration applied.
 */
export async function openTimerTestDatabase(name: string): Promise<TimerTestDatabase> {
  const serverUrl = setupVariable('POLKU_TEST_DATABASE_URL');
  const prefix = `pt_${setupVariable('POLKU_TEST_RUN_ID')}_${process.pid}`;
  const service = `timers-${name}`;
  const config = loadConfig(ServiceConfig, {
    DATABASE_URL: serverUrl,
    DATABASE_NAME_PREFIX: prefix,
    DATABASE_CONNECT_RETRIES: '0',
    DATABASE_POOL_MAX: '8',
  });
  const open = () =>
    openServiceDataSource({
      service,
      config,
      entities: [],
      migrations: [TimerTable1763950000000, TimerEffectTable1763950999000],
    });
  const dataSource = await open();
  const replicas: DataSource[] = [];
  return {
    dataSource,
    url: urlWithDatabase(serverUrl, serviceDatabaseName(prefix, service)),
    async openReplica() {
      const replica = await open();
      replicas.push(replica);
      return replica;
    },
    async close() {
      for (const replica of replicas) {
        await replica.destroy();
      }
      await dataSource.destroy();
      await dropDatabase(serverUrl, serviceDatabaseName(prefix, service));
    },
  };
}

/** Polls `probe` until it returns a value other than undefined; no fixed sleeps. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  options: { timeoutMs: number; description: string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Committed effects per timer id. */
export async function effectsPerTimer(dataSource: DataSource): Promise<Map<string, number>> {
  const rows = await dataSource.query<{ timer_id: string; n: string }[]>(
    'SELECT timer_id, count(*) AS n FROM timer_effect GROUP BY timer_id',
  );
  return new Map(rows.map((row) => [row.timer_id, Number(row.n)]));
}
