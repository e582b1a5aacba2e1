import { encodeCursor, type CursorPosition } from './cursor';

/** The largest page any list answers; a larger `limit` is refused (400), never cut down. */
export const MAX_PAGE_SIZE = 100;

/** What a list query carries on the bus: the page size and the previous page's cursor. */
export interface PageQueryPayload {
  /** 1..MAX_PAGE_SIZE. */
  readonly limit: number;
  /** The previous page's `nextCursor`, unchanged; absent on the first page. */
  readonly cursor?: string;
}

/** One page of a list, as every list endpoint answers. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/**
 * The page answer from rows fetched with `limit + 1`: the extra row only says there is a next
 * page, whose cursor points after the last row returned.
 */
export function pageFromRows<TRow, TItem = TRow>({
  rows,
  limit,
  positionOf,
  toItem,
  sort,
}: {
  /** Up to limit + 1 rows in keyset order. */
  readonly rows: readonly TRow[];
  readonly limit: number;
  readonly positionOf: (row: TRow) => CursorPosition;
  /** Maps a row to what the client sees; identity when omitted. */
  readonly toItem?: (row: TRow) => TItem;
  readonly sort?: string;
}): Page<TItem> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  const nextCursor =
    rows.length > limit && last !== undefined ? encodeCursor(positionOf(last), { sort }) : null;
  const items = toItem ? pageRows.map(toItem) : (pageRows as unknown as TItem[]);
  return { items, nextCursor };
}
