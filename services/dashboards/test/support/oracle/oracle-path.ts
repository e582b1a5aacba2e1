import type { EventEnvelope } from '@polku/contracts';
import type { SyntheticEvent } from '@polku/testing/dashboards';
import { helsinkiDay } from './oracle-dates';

/** An event as the oracle reads it: its type, day, emitter organisation and payload. */
export interface OracleEvent {
  readonly id: string;
  readonly type: string;
  readonly at: string;
  /** The Helsinki day of occurredAt. */
  readonly day: string;
  readonly org: string;
  // The payload as plain JSON: the oracle reads fields by name, as docs/dashboards.md names them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly data: any;
}

/** One path's events in time order. */
export interface OraclePath {
  readonly pathId: string;
  readonly events: readonly OracleEvent[];
}

/** The events of the set, path by path, each path's in occurredAt order. */
export function pathsOf(events: readonly SyntheticEvent[]): Map<string, OraclePath> {
  const byPath = new Map<string, OracleEvent[]>();
  for (const { envelope } of events) {
    const list = byPath.get(envelope.pathId) ?? [];
    list.push(oracleEvent(envelope));
    byPath.set(envelope.pathId, list);
  }
  const paths = new Map<string, OraclePath>();
  for (const [pathId, list] of byPath) {
    list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
    paths.set(pathId, { pathId, events: list });
  }
  return paths;
}

function oracleEvent(envelope: EventEnvelope<unknown>): OracleEvent {
  return {
    id: envelope.id,
    type: envelope.type,
    at: envelope.occurredAt,
    day: helsinkiDay(envelope.occurredAt),
    org: envelope.emitter.orgId,
    data: envelope.data,
  };
}

/** The path's events of one type, in time order. */
export function ofType(path: OraclePath, type: string): OracleEvent[] {
  return path.events.filter((event) => event.type === type);
}

/** The first event of a type, if any. */
export function firstOf(path: OraclePath, type: string): OracleEvent | undefined {
  return path.events.find((event) => event.type === type);
}

/** The last event of a type, if any. */
export function lastOf(path: OraclePath, type: string): OracleEvent | undefined {
  const list = ofType(path, type);
  return list[list.length - 1];
}
