import {
  CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1,
  EVENT_CONTRACTS,
  type EventEnvelope,
} from '@polku/contracts';
import { v5 as uuidv5 } from 'uuid';
import { storedFieldsOf } from './stored-fields';

/**
 * One row of path_event: what the fold needs of one event of a path, the coded payload fields
 * only (stored-fields.ts), never free text, names or references.
 */
export interface StoredEvent {
  readonly eventId: string;
  readonly pathId: string;
  /** The contract subject, or {@link REENTRY_MARKER_SUBJECT}. */
  readonly subject: string;
  /** The instant it happened, `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  readonly occurredAt: string;
  /** The emitting organisation (polku's own for a system process). */
  readonly orgId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * The subject of the row a ClientReturnedToIntermediateMarket writes on the previous path, so
 * that the previous path's exit learns of the return when its own facts are folded.
 */
export const REENTRY_MARKER_SUBJECT = 'dashboards.reentry-of-previous-path';

/** The name space of the marker rows' ids (a fixed random UUID, as RFC 9562 asks of one). */
const MARKER_ID_NAMESPACE = '3b8e4f61-0c2d-4a7e-b95f-81d6c3a0e2f4';

const SUBJECTS_BY_TYPE = new Map<string, string>(
  EVENT_CONTRACTS.map((contract) => [contract.type, contract.subject]),
);

/** The subject of an envelope (its type's contract; every consumed type has one). */
export function subjectOf(envelope: EventEnvelope<unknown>): string {
  const subject = SUBJECTS_BY_TYPE.get(envelope.type);
  if (subject === undefined) {
    throw new Error(`no contract has the event type ${envelope.type}`);
  }
  return subject;
}

/**
 * The path_event rows of one consumed event: its own, and for a return to the intermediate
 * labour market a marker on the previous path, whose id is a name-based UUID of the event's so
 * that a replay writes it once.
 */
export function storedEventsOf(envelope: EventEnvelope<unknown>): StoredEvent[] {
  const subject = subjectOf(envelope);
  const data = (envelope.data ?? {}) as Record<string, unknown>;
  const row: StoredEvent = {
    eventId: envelope.id,
    pathId: envelope.pathId,
    subject,
    occurredAt: new Date(envelope.occurredAt).toISOString(),
    orgId: envelope.emitter.orgId,
    data: storedFieldsOf(subject, data),
  };
  if (subject !== CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1.subject) {
    return [row];
  }
  const marker: StoredEvent = {
    ...row,
    eventId: uuidv5(envelope.id, MARKER_ID_NAMESPACE),
    pathId: data.previousPathId as string,
    subject: REENTRY_MARKER_SUBJECT,
    data: { monthsSinceExit: data.monthsSinceExit, loopCount: data.loopCount },
  };
  return [row, marker];
}
