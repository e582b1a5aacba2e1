import { serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import { Client } from 'pg';

/** Runs one statement in a service's own database of a run, and gives its rows. */
export async function serviceQuery<T>(
  env: Readonly<Record<string, string>>,
  service: Parameters<typeof serviceDatabaseName>[1],
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const client = new Client({
    connectionString: urlWithDatabase(
      env.DATABASE_URL,
      serviceDatabaseName(env.DATABASE_NAME_PREFIX, service),
    ),
  });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Takes `LOCK TABLE … IN EXCLUSIVE MODE` on a service's table in a transaction of its own and
 * holds it until the returned release is called: plain reads go on, every write waits. On
 * `inbox_message` that stalls all the service's event consumers, as a slow or stuck consumer
 * would, without touching its code.
 */
export async function lockServiceTable(
  env: Readonly<Record<string, string>>,
  service: Parameters<typeof serviceDatabaseName>[1],
  table: string,
): Promise<() => Promise<void>> {
  const client = new Client({
    connectionString: urlWithDatabase(
      env.DATABASE_URL,
      serviceDatabaseName(env.DATABASE_NAME_PREFIX, service),
    ),
  });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
  return async () => {
    await client.query('COMMIT');
    await client.end();
  };
}
