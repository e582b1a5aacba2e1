import { type DataSource, type Migration, MigrationExecutor } from 'typeorm';

// Any constant works as long as every polku service uses the same one in its own database.
const MIGRATION_LOCK_KEY = 7_115_104_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so replicas starting at
 * the same time take turns instead of racing on the same DDL. The migrations run on the
 * connection that holds the lock, so a pool of one connection is enough.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      return await executor.executePendingMigrations();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
