import type { CursorPosition } from '@polku/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * A keyset ordering: by a sort key, ties broken by the id. Both are SQL expressions written by
 * the service (never taken from a request), e.g. `r.created_at` and `r.id`. The sort key must be
 * NOT NULL: a row compared with NULL is never "after" anything and would vanish from every page.
 */
export interface KeysetOrder {
  readonly sortColumn: string;
  readonly idColumn: string;
  /** ASC unless given. */
  readonly direction?: 'ASC' | 'DESC';
}

/** One page of a keyset-ordered query: the order, the cursor to go on from, the size. */
export interface KeysetPageOptions extends KeysetOrder {
  /** The decoded cursor of the previous page; the first page when omitted. */
  readonly after?: CursorPosition;
  /** The page size the client asked for; one row more is fetched to learn if there is more. */
  readonly limit: number;
}

function assertLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new TypeError(`limit must be a positive integer, got ${limit}`);
  }
}

/**
 * Adds the keyset condition, ORDER BY and LIMIT (limit + 1) to a TypeORM query builder. Feed the
 * rows to `pageFromRows` from @polku/contracts. Uses the parameters `keysetKey` and `keysetId`.
 * Uses LIMIT, so do not combine with joins that multiply rows.
 */
export function applyKeysetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  options: KeysetPageOptions,
): SelectQueryBuilder<T> {
  assertLimit(options.limit);
  const direction = options.direction ?? 'ASC';
  if (options.after) {
    // A row-value comparison: one index range scan on (sort, id), no OR-chains.
    query.andWhere(
      `(${options.sortColumn}, ${options.idColumn}) ${direction === 'ASC' ? '>' : '<'} (:keysetKey, :keysetId)`,
      { keysetKey: options.after.key, keysetId: options.after.id },
    );
  }
  return query
    .orderBy(options.sortColumn, direction)
    .addOrderBy(options.idColumn, direction)
    .limit(options.limit + 1);
}

/** Pieces of a keyset page for raw SQL with positional parameters. */
export interface KeysetSql {
  /** `(sort, id) > ($n, $n+1)`, or `TRUE` on the first page; AND it with your own filters. */
  readonly where: string;
  /** `sort ASC, id ASC`, after ORDER BY. */
  readonly orderBy: string;
  /** `LIMIT $m`, fetching limit + 1 rows. */
  readonly limit: string;
  /** Append to your own parameters: they are numbered from `firstParameter`. */
  readonly parameters: readonly unknown[];
}

/**
 * The keyset condition, ORDER BY and LIMIT for raw SQL:
 * ```ts
 * const page = keysetSql({ sortColumn: 'created_at', idColumn: 'id', after, limit, firstParameter: 2 });
 * const rows = await em.query(
 *   `SELECT * FROM referrals WHERE org_id = $1 AND ${page.where} ORDER BY ${page.orderBy} ${page.limit}`,
 *   [orgId, ...page.parameters],
 * );
 * ```
 */
export function keysetSql(
  options: KeysetPageOptions & { readonly firstParameter: number },
): KeysetSql {
  assertLimit(options.limit);
  const direction = options.direction ?? 'ASC';
  const first = options.firstParameter;
  const orderBy = `${options.sortColumn} ${direction}, ${options.idColumn} ${direction}`;
  if (!options.after) {
    return { where: 'TRUE', orderBy, limit: `LIMIT $${first}`, parameters: [options.limit + 1] };
  }
  return {
    where: `(${options.sortColumn}, ${options.idColumn}) ${direction === 'ASC' ? '>' : '<'} ($${first}, $${first + 1})`,
    orderBy,
    limit: `LIMIT $${first + 2}`,
    parameters: [options.after.key, options.after.id, options.limit + 1],
  };
}
