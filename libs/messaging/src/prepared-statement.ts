import type { PoolClient } from 'pg';
import type { EntityManager, QueryRunner } from 'typeorm';

/** Fixed SQL that runs often enough to be worth preparing once per connection. */
export interface PreparedStatement {
  /** Unique in the process: pg keeps one parsed statement per name on each connection. */
  readonly name: string;
  readonly text: string;
}

/** One run of a prepared statement: the statement and the values of its parameters. */
export interface PreparedRun {
  readonly statement: PreparedStatement;
  readonly values: readonly unknown[];
}

/**
 * Runs a fixed statement as a named prepared statement on the connection of `em`'s
 * transaction. PostgreSQL then parses and plans it once per connection instead of on every
 * call, which matters for the statements that run once per event (docs/performance.md).
 * Goes to pg directly, so TypeORM's query logging does not see it; errors are pg's own.
 */
export async function runPrepared<TRow>(em: EntityManager, run: PreparedRun): Promise<TRow[]> {
  const runner = em.queryRunner;
  if (runner === undefined) {
    throw new Error(`${run.statement.name} must run on a transaction's connection`);
  }
  return runPreparedOn(runner, run);
}

/** {@link runPrepared} on a query runner's connection. */
export async function runPreparedOn<TRow>(runner: QueryRunner, run: PreparedRun): Promise<TRow[]> {
  const client = (await runner.connect()) as PoolClient;
  const result = await client.query<TRow & object>({
    name: run.statement.name,
    text: run.statement.text,
    values: run.values as unknown[],
  });
  return result.rows;
}
