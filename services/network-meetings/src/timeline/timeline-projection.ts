import type { EventEnvelope } from '@polku/contracts';
import type { EntityManager } from 'typeorm';
import { describeTimelineEntry } from './summaries/timeline-entry-description';

/** The PostgreSQL channel on which the timeline says a path's entries grew (after commit). */
export const TIMELINE_APPENDED_CHANNEL = 'timeline_appended';

/** A row of timeline_entry as projectTimeline writes it. */
interface NewTimelineRow {
  readonly event_id: string;
  readonly path_id: string;
  readonly occurred_at: string;
  readonly event_type: string;
  readonly subject: string;
  readonly kind: string;
  readonly data_class: string;
  readonly source_org_id: string;
  readonly source_org_role: string;
  readonly summary: string;
  readonly data: unknown;
  readonly client_voice_visibility: string | null;
  readonly client_voice_org_ids: readonly string[] | null;
}

interface ClientVoiceChoice {
  readonly visibility?: unknown;
  readonly visibleToOrgIds?: unknown;
}

/** The row of one event: its description, and the client's choice for client voice. */
export function timelineRowOf(envelope: EventEnvelope<unknown>): NewTimelineRow {
  const { subject, kind, summary } = describeTimelineEntry(envelope);
  const choice = (kind === 'CLIENT_VOICE' ? envelope.data : {}) as ClientVoiceChoice;
  const visibility = typeof choice.visibility === 'string' ? choice.visibility : null;
  const named = Array.isArray(choice.visibleToOrgIds)
    ? choice.visibleToOrgIds.filter((id): id is string => typeof id === 'string')
    : [];
  return {
    event_id: envelope.id,
    path_id: envelope.pathId,
    occurred_at: envelope.occurredAt,
    event_type: envelope.type,
    subject,
    kind,
    data_class: envelope.dataClass,
    source_org_id: envelope.emitter.orgId,
    source_org_role: envelope.emitter.orgRole,
    summary,
    data: envelope.data,
    client_voice_visibility: visibility,
    client_voice_org_ids: visibility === null ? null : named,
  };
}

/**
 * Puts a batch of events of any service on their paths' timelines, in the consumer's
 * transaction (docs/meetings.md). Called for every subject: by the access projection's handler
 * for the subjects it consumes, and by TimelineEventsHandler for all others. Each event is
 * written once (a redelivery or a replay finds its row); for each path that grew, a
 * `timeline_appended` notice with the highest new position goes out when the transaction commits.
 */
export async function projectTimeline(
  em: EntityManager,
  envelopes: readonly EventEnvelope<unknown>[],
): Promise<void> {
  if (envelopes.length === 0) {
    return;
  }
  // One statement for the batch: the rows travel as one JSON array, in delivery order.
  await em.query(
    `WITH inserted AS (
       INSERT INTO timeline_entry (event_id, path_id, occurred_at, event_type, subject, kind,
              data_class, source_org_id, source_org_role, summary, data,
              client_voice_visibility, client_voice_org_ids)
       SELECT r.event_id, r.path_id, r.occurred_at, r.event_type, r.subject, r.kind,
              r.data_class, r.source_org_id, r.source_org_role, r.summary, r.data,
              r.client_voice_visibility,
              CASE WHEN r.client_voice_org_ids IS NULL THEN NULL
                   ELSE ARRAY(SELECT jsonb_array_elements_text(r.client_voice_org_ids))::uuid[] END
         FROM jsonb_to_recordset($1::jsonb) AS r(ordinal int, event_id uuid, path_id uuid,
              occurred_at timestamptz, event_type text, subject text, kind text, data_class text,
              source_org_id uuid, source_org_role text, summary text, data jsonb,
              client_voice_visibility text, client_voice_org_ids jsonb)
        ORDER BY r.ordinal
       ON CONFLICT (event_id) DO NOTHING
       RETURNING path_id, position)
     SELECT pg_notify($2, json_build_object('pathId', path_id, 'position', max(position)::text)::text)
       FROM inserted GROUP BY path_id`,
    [
      JSON.stringify(
        envelopes.map((envelope, ordinal) => ({ ordinal, ...timelineRowOf(envelope) })),
      ),
      TIMELINE_APPENDED_CHANNEL,
    ],
  );
}
