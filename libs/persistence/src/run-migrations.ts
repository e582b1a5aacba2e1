import type { DataSource, Migration } from 'typeorm';

// Any constant works as long as every polku service uses the same one in its own database.
const MIGRATION_LOCK_KEY = 7_115_104_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so replicas starting at
 * the same time take turns instead of racing on the same DDL.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
