import { Client } from 'pg';
import { redactUrl, urlWithDatabase } from './database-names';

const INVALID_CATALOG_NAME = '3D000';
const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

function pgCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null
    ? (error as { code?: string }).code
    : undefined;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Resolves when PostgreSQL accepts connections; tries `attempts` times, `delayMs` apart. */
export async function waitForPostgres(
  serverUrl: string,
  { attempts, delayMs }: { attempts: number; delayMs: number },
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withClient(serverUrl, (client) => client.query('SELECT 1'));
      return;
    } catch (error) {
      // A missing database still proves the server is up.
      if (pgCode(error) === INVALID_CATALOG_NAME) {
        return;
      }
      if (attempt >= attempts) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`PostgreSQL at ${redactUrl(serverUrl)} is unreachable: ${reason}`);
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/**
 * Creates the database when it is missing. Safe when several processes race: the loser's
 * "already exists" is success. In production the database usually exists already and the
 * service's role needs no CREATEDB.
 */
export async function ensureDatabase(
  serverUrl: string,
  database: string,
): Promise<'created' | 'existed'> {
  try {
    await withClient(urlWithDatabase(serverUrl, database), (client) => client.query('SELECT 1'));
    return 'existed';
  } catch (error) {
    if (pgCode(error) !== INVALID_CATALOG_NAME) {
      throw error;
    }
  }
  try {
    // Identifiers cannot be bound parameters; the name is validated config, quoted anyway.
    await withClient(serverUrl, (client) =>
      client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`),
    );
    return 'created';
  } catch (error) {
    const code = pgCode(error);
    if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) {
      return 'existed';
    }
    throw error;
  }
}

/** Drops a database, ending its sessions first (tests and tools only). */
export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`),
  );
}
