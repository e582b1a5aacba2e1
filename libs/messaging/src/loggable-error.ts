/**
 * What of an error may leave the code that caught it: a log line, a span, a dead-letter reason.
 * A database error's message and detail can quote a bound value (`invalid input syntax for type
 * uuid: "010190-123A"`), so of those only the SQLSTATE and the names of the table, column and
 * constraint are kept (docs/security.md, "What a failing request answers").
 */

/** The fields PostgreSQL's driver sets on an error; TypeORM wraps them in `driverError`. */
interface DatabaseErrorFields {
  readonly code: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The driver's fields when `error` came from the database (pg or TypeORM), else undefined. */
function databaseErrorFields(error: unknown): DatabaseErrorFields | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const candidate = ((error as { driverError?: unknown }).driverError ?? error) as Record<
    string,
    unknown
  >;
  const fromDriver = 'severity' in candidate || 'driverError' in (error as object);
  return fromDriver && typeof candidate.code === 'string' && SQLSTATE.test(candidate.code)
    ? (candidate as unknown as DatabaseErrorFields)
    : undefined;
}

function databaseSummary(name: string, fields: DatabaseErrorFields): string {
  const names = (['table', 'column', 'constraint'] as const)
    .filter((key) => typeof fields[key] === 'string')
    .map((key) => `${key} ${fields[key]}`);
  return `${name} (SQLSTATE ${fields.code}${names.length ? `, ${names.join(', ')}` : ''})`;
}

/** One line about the error: `Name: message`, or for a database error its SQLSTATE and names. */
export function describeError(error: unknown): string {
  const database = databaseErrorFields(error);
  if (error instanceof Error) {
    return database ? databaseSummary(error.name, database) : `${error.name}: ${error.message}`;
  }
  return typeof error === 'object' ? JSON.stringify(error) : String(error);
}

/** The error's stack for a log, with a database error's message line replaced by its summary. */
export function loggableStack(error: unknown): string {
  if (!(error instanceof Error)) {
    return describeError(error);
  }
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [describeError(error), ...frames].join('\n');
}
