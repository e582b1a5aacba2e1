import type { ExitedPathRow, OpenPathRow } from './client-path.repository';

/** The path a referral joins, as the referral's reply and events describe it. */
export interface PathEntry {
  readonly id: string;
  /** A new path was opened (a first path or a return), not an open one joined. */
  readonly created: boolean;
  /** The path the client left, when this referral brings them back. */
  readonly previousPathId: string | null;
  /** How many times the client has come back to polku. */
  readonly loopCount: number;
  readonly monthsSinceExit: number;
}

/** Joining the client's open path: no return, whatever happened before it. */
export function joinedPath(open: OpenPathRow): PathEntry {
  return {
    id: open.id,
    created: false,
    previousPathId: null,
    loopCount: open.loop_count,
    monthsSinceExit: 0,
  };
}

/**
 * A new path for a client with none open: linked to the path they left, one loop further (the
 * "loop" of docs/domain.md §5.10), or a first path when they never had one.
 */
export function newPathAfter(id: string, previous: ExitedPathRow | undefined): PathEntry {
  return {
    id,
    created: true,
    previousPathId: previous?.id ?? null,
    loopCount: previous ? previous.loop_count + 1 : 0,
    monthsSinceExit: previous?.months_since_exit ?? 0,
  };
}
