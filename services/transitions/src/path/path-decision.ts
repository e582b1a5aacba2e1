import type { PathEffect } from './path-effects';
import type { PathState } from './path-state';

/**
 * CONFLICT: the path's state (or a sub-state: a pending hand-off, a running measure) forbids the
 * command. ALREADY_DONE: the same thing has already been done (a repeat, not the path's course).
 * EARLY: another service's event came before an event it follows, which is certainly on its way
 * (path-events/arrival-order.ts): only an event is ever refused as early, never a command.
 */
export type RefusalCode =
  'CONFLICT' | 'ALREADY_DONE' | 'EARLY' | 'VALIDATION_FAILED' | 'FORBIDDEN' | 'NOT_FOUND';

/** Why an input cannot move the path, in words a caseworker can act on. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
}

export interface Accepted {
  readonly state: PathState;
  readonly effects: readonly PathEffect[];
}

export type PathDecision = Accepted | { readonly refused: Refusal };

export function isRefused(decision: PathDecision): decision is { readonly refused: Refusal } {
  return 'refused' in decision;
}

/** The path is not in a state where this can happen. */
export function conflict(message: string): Refusal {
  return { code: 'CONFLICT', message };
}

/** The same thing has been done already: a repeat, whatever the path's state. */
export function alreadyDone(message: string): Refusal {
  return { code: 'ALREADY_DONE', message };
}

/**
 * Another service's event arrived before the event it follows, which the upstream service's own
 * refusals guarantee is on its way: the consumer tries it again later (arrival-order.ts).
 */
export function early(message: string): Refusal {
  return { code: 'EARLY', message };
}

/** The input itself is wrong, whatever the path's state. */
export function invalid(message: string): Refusal {
  return { code: 'VALIDATION_FAILED', message };
}

/**
 * The id names no object of this path (a hand-off, follow-up or wait of another path, or none):
 * answered like a path the caller may not see, so ids of other paths reveal nothing
 * (docs/auth.md, "Object ids are checked against their path").
 */
export function notFound(message: string): Refusal {
  return { code: 'NOT_FOUND', message };
}

/** Someone else's organisation has to do this. */
export function forbidden(message: string): Refusal {
  return { code: 'FORBIDDEN', message };
}

/** The first refusal of the checks, run in order; each runs only if the ones before passed. */
export function firstRefusal(...checks: (() => Refusal | null | undefined)[]): Refusal | null {
  for (const check of checks) {
    const refusal = check();
    if (refusal) {
      return refusal;
    }
  }
  return null;
}
