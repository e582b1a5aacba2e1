import type { ServiceConfig } from '@polku/config';
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import { serviceDatabaseName, urlWithDatabase } from './database-names';
import { ensureDatabase, waitForPostgres } from './ensure-database';
import { ParameterFreeQueryLogger } from './parameter-free-logger';
import { runMigrationsLocked } from './run-migrations';

type EntityList = MixedList<string | (abstract new (...args: never[]) => unknown) | EntitySchema>;
type MigrationList = MixedList<string | (new () => unknown)>;

/** Which database a service opens and what TypeORM loads into it. */
export interface ServicePersistenceOptions {
  readonly service: string;
  readonly config: Pick<
    ServiceConfig,
    | 'DATABASE_URL'
    | 'DATABASE_NAME_PREFIX'
    | 'DATABASE_POOL_MAX'
    | 'DATABASE_MIGRATIONS_RUN'
    | 'DATABASE_CONNECT_RETRIES'
  >;
  /** Listed explicitly, never globbed: bundling breaks globs. */
  readonly entities: EntityList;
  readonly migrations: MigrationList;
}

/** TypeORM options for a service's own database. Schema changes only through migrations. */
export function serviceDataSourceOptions(options: ServicePersistenceOptions): DataSourceOptions {
  const database = serviceDatabaseName(options.config.DATABASE_NAME_PREFIX, options.service);
  return {
    type: 'postgres',
    url: urlWithDatabase(options.config.DATABASE_URL, database),
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    // Never TypeORM's own loggers: they print a failed query's parameters (identity codes).
    logger: new ParameterFreeQueryLogger(),
    extra: {
      max: options.config.DATABASE_POOL_MAX,
      // Shows which service holds a connection in pg_stat_activity.
      application_name: `polku-${options.service}`,
      connectionTimeoutMillis: 5_000,
      // No JIT compilation: it starts when the planner's estimate passes jit_above_cost, and a
      // dashboard view over a misestimated join spent 626 of its 823 ms compiling
      // (docs/performance.md, "Dashboards"). Every query here is short; none pays it back.
      options: '-c jit=off',
    },
  };
}

/**
 * Waits for the server, creates the service's database when missing, connects and, unless
 * DATABASE_MIGRATIONS_RUN is false, applies pending migrations.
 */
export async function openServiceDataSource(
  options: ServicePersistenceOptions,
): Promise<DataSource> {
  const { config } = options;
  await waitForPostgres(config.DATABASE_URL, {
    attempts: config.DATABASE_CONNECT_RETRIES + 1,
    delayMs: 1_000,
  });
  await ensureDatabase(
    config.DATABASE_URL,
    serviceDatabaseName(config.DATABASE_NAME_PREFIX, options.service),
  );
  const dataSource = await new DataSource(serviceDataSourceOptions(options)).initialize();
  if (config.DATABASE_MIGRATIONS_RUN) {
    try {
      await runMigrationsLocked(dataSource);
    } catch (error) {
      // A failed migration stops the start; do not leave the pool behind.
      await dataSource.destroy();
      throw error;
    }
  }
  return dataSource;
}
