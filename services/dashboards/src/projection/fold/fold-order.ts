import { NEXT_STEP_SET_V1 } from '@polku/contracts';
import { finnishDateOf } from '@polku/timers';
import type { StoredEvent } from '../stored/stored-event';
import type { Occurrence } from './path-history';

/**
 * The rank of an event among those of the same instant: a NextStepSet after every other event
 * (transitions writes it after the decision's own events, in the same transaction) and in path
 * version order; the others 0. A key per event, so the order is total and transitive.
 */
function rankOf(event: StoredEvent): number {
  if (event.subject !== NEXT_STEP_SET_V1.subject) {
    return 0;
  }
  const version = event.data.pathVersion;
  return typeof version === 'number' ? version : 0;
}

/**
 * The one order the fold reads a path's events in: by the instant they happened, then by rank
 * (NextStepSet last, by version), then by event id. It depends only on the events, never on
 * the order they arrived in, so the same events always fold to the same history.
 */
export function compareEvents(a: StoredEvent, b: StoredEvent): number {
  const at = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  if (at !== 0) {
    return at;
  }
  const rank = rankOf(a) - rankOf(b);
  if (rank !== 0) {
    return rank;
  }
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** The events in the fold's order (a new array). */
export function inFoldOrder(events: readonly StoredEvent[]): StoredEvent[] {
  return [...events].sort(compareEvents);
}

/** When, on which Helsinki day and by whom an event happened. */
export function occurrenceOf(event: StoredEvent): Occurrence {
  const at = new Date(event.occurredAt);
  return {
    eventId: event.eventId,
    at: at.toISOString(),
    day: finnishDateOf(at),
    orgId: event.orgId,
  };
}
