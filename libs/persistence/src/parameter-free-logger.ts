import { Logger as NestLogger, type LoggerService } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** Longest query text a log line shows; a query is statement text, never data, but may be long. */
const MAX_QUERY_LENGTH = 500;

/** The parts of a PostgreSQL error that name schema objects and never carry a value. */
interface DriverErrorFields {
  readonly code?: unknown;
  readonly constraint?: unknown;
  readonly table?: unknown;
  readonly column?: unknown;
}

function queryText(query: string): string {
  const line = query.replace(/\s+/g, ' ').trim();
  return line.length > MAX_QUERY_LENGTH ? `${line.slice(0, MAX_QUERY_LENGTH - 3)}...` : line;
}

/**
 * SQLSTATE and the names of the constraint, table and column, when the driver gave them; never
 * PostgreSQL's message or detail, which quote values ("invalid input syntax for type uuid:
 * "010190-123A"", "Key (code)=(…) already exists").
 */
function errorSummary(error: unknown): string {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as DriverErrorFields;
  const named = (['constraint', 'table', 'column'] as const)
    .filter((key) => typeof fields[key] === 'string')
    .map((key) => `${key} ${String(fields[key])}`);
  const code = typeof fields.code === 'string' ? fields.code : 'unknown';
  return [`SQLSTATE ${code}`, ...named].join(', ');
}

/**
 * TypeORM's logger for every service's DataSource. TypeORM's own loggers print a failed or slow
 * query with its parameters, and parameters are where identity codes, names and addresses
 * travel; this one prints the statement text and the error's code only (docs/security.md).
 * Queries themselves are not logged.
 */
export class ParameterFreeQueryLogger implements TypeOrmLogger {
  constructor(private readonly sink: LoggerService = new NestLogger('TypeORM')) {}

  logQuery(): void {
    // Not enabled: a log of every query is a log of every parameter's use.
  }

  logQueryError(error: string | Error, query: string): void {
    this.sink.error(`query failed (${errorSummary(error)}): ${queryText(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.sink.warn(`slow query (${time} ms): ${queryText(query)}`);
  }

  logSchemaBuild(): void {
    // Schema changes only through migrations; synchronize is off.
  }

  logMigration(message: string): void {
    this.sink.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    if (level === 'warn') {
      this.sink.warn(text);
    } else {
      this.sink.log(text);
    }
  }
}
