import { type CursorPosition, decodeCursor, MAX_PAGE_SIZE } from '@polku/contracts';
import { CommandValidationError } from './command-errors';

/** A list query's page as a service reads it: the size, and the position to go on from. */
export interface ServicePage {
  readonly limit: number;
  /** Undefined on the first page. */
  readonly after?: CursorPosition;
}

/**
 * The page of a list query (`{ limit, cursor }` of PageQueryPayload). The gateway checked it
 * already; a service checks again because it trusts no caller with the size of its queries:
 * a limit outside 1..MAX_PAGE_SIZE is a 400, a cursor of another list or altered an
 * INVALID_CURSOR (400).
 */
export function requirePage(
  request: { readonly limit?: unknown; readonly cursor?: unknown } | undefined,
  options: { readonly sort?: string } = {},
): ServicePage {
  const limit = request?.limit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new CommandValidationError(`limit: must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  const cursor = request?.cursor;
  if (cursor === undefined || cursor === null) {
    return { limit };
  }
  if (typeof cursor !== 'string') {
    throw new CommandValidationError('cursor: must be the nextCursor of a previous page');
  }
  return { limit, after: decodeCursor(cursor, options) };
}
