import type { TimelineAppendedNotice } from '@polku/contracts';

/** One `timeline_appended` notification: a path's timeline grew up to `position`. */
export interface TimelineAppended {
  readonly pathId: string;
  readonly position: string;
}

/** Whether position `a` (a bigint as text) is above `b`. */
export function isAfter(a: string, b: string): boolean {
  return BigInt(a) > BigInt(b);
}

/**
 * Gathers notifications for a short window and hands them on as one notice with each path's
 * highest position: a batch of 500 events on 50 paths becomes one message of 50 paths, not 500
 * messages, and the gateway fetches each path once. The first notification of a window opens
 * it; nothing waits when nothing arrives.
 */
export class NoticeCoalescer {
  private pending = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly flush: (notice: TimelineAppendedNotice) => void,
  ) {}

  add(appended: TimelineAppended): void {
    const known = this.pending.get(appended.pathId);
    if (known === undefined || isAfter(appended.position, known)) {
      this.pending.set(appended.pathId, appended.position);
    }
    this.timer ??= setTimeout(() => this.flushNow(), this.windowMs);
  }

  /** Hands on what is pending now (also on shutdown, so nothing gathered is lost). */
  flushNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) {
      return;
    }
    const paths = [...this.pending].map(([pathId, position]) => ({ pathId, position }));
    this.pending = new Map();
    this.flush({ paths });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POSITION = /^[1-9]\d{0,18}$/;

/** The payload of a `timeline_appended` notification, or undefined when it is not one. */
export function parseTimelineAppended(payload: string | undefined): TimelineAppended | undefined {
  if (payload === undefined) {
    return undefined;
  }
  try {
    const value = JSON.parse(payload) as { pathId?: unknown; position?: unknown };
    const position = typeof value.position === 'number' ? String(value.position) : value.position;
    if (
      typeof value.pathId === 'string' &&
      UUID.test(value.pathId) &&
      typeof position === 'string' &&
      POSITION.test(position)
    ) {
      return { pathId: value.pathId, position };
    }
  } catch {
    // Not JSON: ignored below, like any other payload that is not ours.
  }
  return undefined;
}
