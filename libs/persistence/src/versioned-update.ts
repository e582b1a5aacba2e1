/**
 * The stored version differs from the one the caller read (its `If-Match`): someone changed the
 * row in between. Shaped like a service's remote error, so a handler may let it propagate and
 * the gateway answers 412 `urn:polku:problem:precondition-failed`.
 */
export class PreconditionFailedError extends Error {
  readonly code = 'PRECONDITION_FAILED';

  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `the resource has changed: version ${expectedVersion} was expected, it is now at version ${currentVersion}; read it again`,
    );
    this.name = 'PreconditionFailedError';
  }

  /** The reply body a service sends; Error's own `message` would not survive JSON. */
  toJSON(): { code: string; message: string; details: Record<string, number> } {
    return {
      code: this.code,
      message: this.message,
      details: { expectedVersion: this.expectedVersion, currentVersion: this.currentVersion },
    };
  }
}

/** No row has the id; the gateway answers 404 `urn:polku:problem:not-found`. */
export class RowNotFoundError extends Error {
  readonly code = 'NOT_FOUND';

  constructor() {
    super('no such resource');
    this.name = 'RowNotFoundError';
  }

  /** The reply body a service sends; Error's own `message` would not survive JSON. */
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** What runs SQL: an EntityManager (inside a transaction), a DataSource or a QueryRunner. */
export interface SqlRunner {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** Which row versionedUpdate changes, from which version, and how. */
export interface VersionedUpdateOptions {
  /** Table name, optionally schema-qualified: `activation_plans`, `public.activation_plans`. */
  readonly table: string;
  readonly id: string | number;
  /** The version the caller read, from `If-Match`. */
  readonly expectedVersion: number;
  /** Column name → new value. Values are bound as parameters, never spliced into SQL. */
  readonly set: Readonly<Record<string, unknown>>;
  /** `id` unless given. */
  readonly idColumn?: string;
  /** `version` unless given: an integer column the update increments. */
  readonly versionColumn?: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function quoteIdentifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new TypeError(`${what} ${JSON.stringify(name)} is not a lower-case SQL identifier`);
  }
  return `"${name}"`;
}

function quoteTable(table: string): string {
  const parts = table.split('.');
  if (parts.length > 2) {
    throw new TypeError(`table ${JSON.stringify(table)} has more than a schema and a name`);
  }
  return parts.map((part) => quoteIdentifier(part, 'table')).join('.');
}

/**
 * Optimistic concurrency for one row:
 * `UPDATE t SET …, version = version + 1 WHERE id = $1 AND version = $2 RETURNING *`.
 * Returns the updated row (with its new version). When no row matched, throws
 * PreconditionFailedError if the row exists at another version and RowNotFoundError if it does
 * not, so a stale write never silently overwrites someone else's change. Safe under concurrency:
 * of two writers holding the same version, PostgreSQL lets exactly one update the row.
 */
export async function versionedUpdate<TRow extends object = Record<string, unknown>>(
  runner: SqlRunner,
  options: VersionedUpdateOptions,
): Promise<TRow> {
  const { expectedVersion } = options;
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
    throw new TypeError(`expectedVersion must be a non-negative integer, got ${expectedVersion}`);
  }
  const table = quoteTable(options.table);
  const idColumn = quoteIdentifier(options.idColumn ?? 'id', 'idColumn');
  const versionColumn = quoteIdentifier(options.versionColumn ?? 'version', 'versionColumn');
  const entries = Object.entries(options.set);
  const assignments = entries.map(([column], index) => {
    const quoted = quoteIdentifier(column, 'column');
    if (quoted === idColumn || quoted === versionColumn) {
      throw new TypeError(`set may not change ${quoted}: the update owns it`);
    }
    return `${quoted} = $${index + 3}`;
  });
  assignments.push(`${versionColumn} = ${versionColumn} + 1`);
  const sql =
    `UPDATE ${table} SET ${assignments.join(', ')} ` +
    `WHERE ${idColumn} = $1 AND ${versionColumn} = $2 RETURNING *`;
  // TypeORM answers an UPDATE with [rows, affected count].
  const [rows] = await runner.query<[TRow[], number]>(sql, [
    options.id,
    expectedVersion,
    ...entries.map(([, value]) => value),
  ]);
  const [updated] = rows;
  if (updated !== undefined) {
    return updated;
  }
  const current = await runner.query<{ version: number | string }[]>(
    `SELECT ${versionColumn} AS version FROM ${table} WHERE ${idColumn} = $1`,
    [options.id],
  );
  if (current.length === 0) {
    throw new RowNotFoundError();
  }
  throw new PreconditionFailedError(expectedVersion, Number(current[0].version));
}
