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
  /**
   * Set when the client's open path belongs to another organisation: the referral is held on a
   * path of its own, and the open path's owner is told (docs/auth.md).
   */
  readonly heldFrom: { readonly pathId: string; readonly ownerOrgId: string } | null;
}

/** Joining the client's open path: no return, whatever happened before it. */
export function joinedPath(open: OpenPathRow): PathEntry {
  return {
    id: open.id,
    created: false,
    previousPathId: null,
    loopCount: open.loop_count,
    monthsSinceExit: 0,
    heldFrom: null,
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
    heldFrom: null,
  };
}

/**
 * A referral's own path while the client's open path belongs to another organisation: like a
 * first path for the referrer (nothing in it tells of the open one), linked to nothing yet.
 */
export function heldPath(
  id: string,
  heldFrom: { readonly pathId: string; readonly ownerOrgId: string },
): PathEntry {
  return { id, created: true, previousPathId: null, loopCount: 0, monthsSinceExit: 0, heldFrom };
}
