import type { EventEnvelope } from '@polku/contracts';
import { durableName } from '@polku/messaging';
import type { DataSource, EntityManager } from 'typeorm';

// SQL of parked_event only (migration 1764900000000-parked-event-table.ts). Every write runs in
// the consumer's transaction of the event being parked or of the event that lets it apply.

type Runner = EntityManager | DataSource;

/** An event kept until the path can absorb it. */
export interface ParkedEvent {
  readonly eventId: string;
  readonly pathId: string;
  /** The contract subject it arrived on, without namespace. */
  readonly subject: string;
  readonly envelope: EventEnvelope<unknown>;
  readonly waitsFor: string | null;
  readonly parkedAt: Date;
}

interface ParkedRow {
  event_id: string;
  path_id: string;
  subject: string;
  envelope: EventEnvelope<unknown>;
  waits_for: string | null;
  parked_at: Date;
}

function parkedOf(row: ParkedRow): ParkedEvent {
  return {
    eventId: row.event_id,
    pathId: row.path_id,
    subject: row.subject,
    envelope: row.envelope,
    waitsFor: row.waits_for,
    parkedAt: row.parked_at,
  };
}

/**
 * Serialises parking and retrying on a path this service has no row of yet, so there is no row
 * to lock (PathEngine locks the path's row): an event parked while the path's first event
 * creates it is either seen by that event's retry or sees the new path itself. Held until the
 * transaction ends.
 */
export async function lockUnseenPath(em: EntityManager, pathId: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('parked_event:' || $1, 0))`, [
    pathId,
  ]);
}

/** Keeps the event; an event parked already (it cannot be, its inbox row says) stays as it was. */
export async function insertParkedEvent(
  em: EntityManager,
  parked: Omit<ParkedEvent, 'parkedAt' | 'eventId'>,
): Promise<void> {
  await em.query(
    `INSERT INTO parked_event (event_id, path_id, subject, event_type, envelope, waits_for)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
    [
      parked.envelope.id,
      parked.pathId,
      parked.subject,
      parked.envelope.type,
      JSON.stringify(parked.envelope),
      parked.waitsFor,
    ],
  );
}

/** A path's parked events in order of arrival. */
export async function parkedEventsOfPath(
  em: EntityManager,
  pathId: string,
): Promise<ParkedEvent[]> {
  const rows = await em.query<ParkedRow[]>(
    `SELECT event_id, path_id, subject, envelope, waits_for, parked_at FROM parked_event
      WHERE path_id = $1 ORDER BY seq`,
    [pathId],
  );
  return rows.map(parkedOf);
}

export async function deleteParkedEvent(em: EntityManager, eventId: string): Promise<void> {
  await em.query('DELETE FROM parked_event WHERE event_id = $1', [eventId]);
}

/**
 * Gives a parked event up as a dead letter of the consumer it arrived on: the dead-letter row,
 * without its inbox row (so that `redrive` applies it anew), and without its park. Only ever
 * what the path machine refused for another reason than its order, or what an operator chose.
 */
export async function parkedEventToDeadLetter(
  em: EntityManager,
  parked: ParkedEvent,
  error: string,
): Promise<void> {
  const consumer = durableName('transitions', parked.subject);
  await em.query(
    `INSERT INTO dead_letter (consumer, message_id, subject, payload, headers, error, attempts)
     VALUES ($1, $2, $3, $4, '{}'::jsonb, $5, 1)`,
    [
      consumer,
      parked.eventId,
      parked.subject,
      JSON.stringify(parked.envelope),
      error.slice(0, 4000),
    ],
  );
  await em.query('DELETE FROM inbox_message WHERE consumer = $1 AND message_id = $2', [
    consumer,
    parked.eventId,
  ]);
  await deleteParkedEvent(em, parked.eventId);
}

/** How many events are parked, how many since before `cutoff`, and the oldest park. */
export interface ParkedEventStats {
  readonly count: number;
  readonly olderThanCutoff: number;
  readonly oldestParkedAt: Date | null;
}

export async function parkedEventStats(runner: Runner, cutoff: Date): Promise<ParkedEventStats> {
  const [row] = await runner.query<{ count: string; older: string; oldest: Date | null }[]>(
    `SELECT count(*) AS count, count(*) FILTER (WHERE parked_at < $1) AS older,
            min(parked_at) AS oldest
       FROM parked_event`,
    [cutoff],
  );
  return {
    count: Number(row?.count ?? 0),
    olderThanCutoff: Number(row?.older ?? 0),
    oldestParkedAt: row?.oldest ?? null,
  };
}

/** Every parked event, oldest first, for the operator; `eventIds` narrows it. */
export async function listParkedEvents(
  runner: Runner,
  eventIds?: readonly string[],
): Promise<ParkedEvent[]> {
  const rows = await runner.query<ParkedRow[]>(
    `SELECT event_id, path_id, subject, envelope, waits_for, parked_at FROM parked_event
      WHERE $1::uuid[] IS NULL OR event_id = ANY($1) ORDER BY seq`,
    [eventIds === undefined ? null : [...eventIds]],
  );
  return rows.map(parkedOf);
}
