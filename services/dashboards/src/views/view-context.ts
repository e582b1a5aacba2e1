import type { ResolvedFilters } from '../filters/resolve-filters';

/**
 * What a view is read for: the checked filters, and the organisation whose facts it counts —
 * the caller's for ORGANISATION scope, none (every organisation's together) for REGION.
 */
export interface ViewContext extends ResolvedFilters {
  readonly orgId?: string;
}

/** Runs one SQL statement: a DataSource or a transaction's EntityManager. */
export interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}
