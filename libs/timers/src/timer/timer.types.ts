import type { EntityManager } from 'typeorm';

/** SCHEDULED and SUSPENDED are live (one per key); FIRED and CANCELLED are final. */
export type TimerStatus = 'SCHEDULED' | 'SUSPENDED' | 'FIRED' | 'CANCELLED';

/**
 * What a timer carries to its handler: ids only (path, plan, hand-off), never a client's
 * identity, since timer rows are kept and shown to operators.
 */
export type TimerPayload = Record<string, string | number | boolean | null>;

/** A timer to schedule. */
export interface NewTimer {
  /** Selects the handler, e.g. `plan-review`. */
  readonly kind: string;
  /** The business key, e.g. `plan-review:<planId>`: one live timer per key. */
  readonly key: string;
  readonly dueAt: Date;
  readonly payload?: TimerPayload;
}

/** A timer row as the scheduler reports it. */
export interface TimerView {
  readonly id: string;
  readonly kind: string;
  readonly key: string;
  readonly status: TimerStatus;
  /** While SUSPENDED: the due time before the suspension; moves on resume. */
  readonly dueAt: Date;
  readonly suspendedAt: Date | null;
  /** While SUSPENDED: dueAt − suspendedAt (negative when it was already overdue). */
  readonly remainingMs: number | null;
  readonly payload: TimerPayload;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly firedAt: Date | null;
}

/** The timer a handler is asked to act on. */
export interface FiringTimer {
  readonly id: string;
  readonly kind: string;
  readonly key: string;
  readonly dueAt: Date;
  readonly payload: TimerPayload;
  /** Earlier failed attempts; 0 on the first try. */
  readonly previousAttempts: number;
  /** The poller's clock when it claimed the timer. */
  readonly firedAt: Date;
}

/**
 * Acts on a due timer inside the poller's transaction: whatever it writes through `em` (an
 * outbox event, the next timer for the same key) commits together with the FIRED mark, or not
 * at all. Throwing rolls its writes back and retries the timer later.
 */
export type TimerHandler = (em: EntityManager, timer: FiringTimer) => Promise<void>;
