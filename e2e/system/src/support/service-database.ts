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
