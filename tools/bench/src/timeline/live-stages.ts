import type { Client } from 'pg';
import { distribution, rounded, type Distribution } from '../stats';
import type { WrittenEvent } from './attendance-writer';
import type { NoticeListener } from './notice-listener';

/**
 * Where an event's way to an open timeline goes, per event, in ms; the end is the first
 * subscriber's SSE frame. PostgreSQL's clock and the bench's are the same machine's clock.
 */
export interface LiveStages {
  /** occurredAt → the first subscriber's SSE frame. */
  readonly firstArrival: Distribution;
  /** occurredAt → activation-plans' relay claims the outbox row (outbox_message.published_at). */
  readonly outboxWait: Distribution;
  /** Claim → network-meetings' consumer transaction begins (inbox_message.received_at). */
  readonly publishAndDelivery: Distribution;
  /** Consumer transaction begins → the TIMELINE_APPENDED notice is on core NATS (overheard). */
  readonly projectionAndNotice: Distribution;
  /** Notice → the first subscriber's SSE frame (gateway: timelineSince, access check, SSE). */
  readonly gatewayToClient: Distribution;
  /** Events whose entry never reached timeline_entry, and whose notice was not heard. */
  readonly notProjected: number;
  readonly noticeNotHeard: number;
}

export async function liveStages(
  sources: { outboxDb: Client; meetingsDb: Client; notices: NoticeListener },
  written: readonly WrittenEvent[],
  firstArrival: ReadonlyMap<string, number>,
): Promise<LiveStages> {
  const ids = written.map((event) => event.eventId);
  const claims = await sources.outboxDb.query<{ id: string; at: string }>(
    `SELECT id, extract(epoch FROM published_at) * 1000 AS at
       FROM outbox_message WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const received = await sources.meetingsDb.query<{ id: string; at: string }>(
    `SELECT message_id AS id, extract(epoch FROM min(received_at)) * 1000 AS at
       FROM inbox_message WHERE message_id = ANY($1::text[]) GROUP BY message_id`,
    [ids],
  );
  const entries = await sources.meetingsDb.query<{ id: string; position: string }>(
    `SELECT event_id AS id, position::text AS position
       FROM timeline_entry WHERE event_id = ANY($1::uuid[])`,
    [ids],
  );
  const claimAt = new Map(claims.rows.map((row) => [row.id, Number(row.at)]));
  const receivedAt = new Map(received.rows.map((row) => [row.id, Number(row.at)]));
  const positionOf = new Map(entries.rows.map((row) => [row.id, BigInt(row.position)]));
  const stages = {
    firstArrival: [] as number[],
    outboxWait: [] as number[],
    publishAndDelivery: [] as number[],
    projectionAndNotice: [] as number[],
    gatewayToClient: [] as number[],
  };
  let notProjected = 0;
  let noticeNotHeard = 0;
  for (const event of written) {
    const claimed = claimAt.get(event.eventId);
    const consumed = receivedAt.get(event.eventId);
    const position = positionOf.get(event.eventId);
    const arrived = firstArrival.get(event.eventId);
    if (position === undefined) {
      notProjected += 1;
    }
    const heard =
      position === undefined ? undefined : sources.notices.heardFor(event.pathId, position);
    if (position !== undefined && heard === undefined) {
      noticeNotHeard += 1;
    }
    if (arrived !== undefined) {
      stages.firstArrival.push(arrived - event.occurredAt);
    }
    if (claimed !== undefined) {
      stages.outboxWait.push(claimed - event.occurredAt);
      if (consumed !== undefined) {
        stages.publishAndDelivery.push(consumed - claimed);
      }
    }
    if (consumed !== undefined && heard !== undefined) {
      stages.projectionAndNotice.push(heard - consumed);
    }
    if (heard !== undefined && arrived !== undefined) {
      stages.gatewayToClient.push(arrived - heard);
    }
  }
  return {
    firstArrival: rounded(distribution(stages.firstArrival)),
    outboxWait: rounded(distribution(stages.outboxWait)),
    publishAndDelivery: rounded(distribution(stages.publishAndDelivery)),
    projectionAndNotice: rounded(distribution(stages.projectionAndNotice)),
    gatewayToClient: rounded(distribution(stages.gatewayToClient)),
    notProjected,
    noticeNotHeard,
  };
}
