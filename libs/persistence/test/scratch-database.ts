import { loadConfig, ServiceConfig } from '@polku/config';
import type { DataSource } from 'typeorm';
import { dropDatabase, openServiceDataSource, serviceDatabaseName } from '../src';

// A shared library's tests cannot use @polku/testing (scope:tooling), hence this helper.

/** A variable jest.integration.config.js's global setup exports to the suites. */
export function setupVariable(name: 'POLKU_TEST_DATABASE_URL' | 'POLKU_TEST_RUN_ID'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is unset: run this suite through jest.integration.config.js`);
  }
  return value;
}

export interface ScratchDatabase {
  readonly dataSource: DataSource;
  /** Closes the pool and drops the database. */
  close(): Promise<void>;
}

/**
 * An empty database of its own for one suite, under this run's prefix (pt_<runId>_, which the
 * global teardown drops even when a suite dies), with no migrations: the suite makes its tables.
 */
export async function openScratchDatabase(label: string): Promise<ScratchDatabase> {
  const serverUrl = setupVariable('POLKU_TEST_DATABASE_URL');
  const prefix = `pt_${setupVariable('POLKU_TEST_RUN_ID')}_${process.pid}_${label}`;
  const service = `persistence-${label}`;
  const dataSource = await openServiceDataSource({
    service,
    config: loadConfig(ServiceConfig, {
      DATABASE_URL: serverUrl,
      DATABASE_NAME_PREFIX: prefix,
      DATABASE_CONNECT_RETRIES: '0',
      DATABASE_POOL_MAX: '6',
    }),
    entities: [],
    migrations: [],
  });
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await dropDatabase(serverUrl, serviceDatabaseName(prefix, service));
    },
  };
}
