import type { DataClass, OrgRole, TimelineEntryView } from '@polku/contracts';
import type { TimelineRow } from './timeline.repository';
import { visibleToOf, type TimelineViewer, type VisibilityOfEntry } from './timeline-visibility';

/** What the visibility rule reads of a row. */
export function visibilityOfRow(row: TimelineRow): VisibilityOfEntry {
  return {
    dataClass: row.data_class as DataClass,
    sourceOrgId: row.source_org_id,
    clientVoiceVisibility: row.client_voice_visibility,
    clientVoiceOrgIds: row.client_voice_org_ids,
  };
}

/** A row as answered, with the current parties that may see it. */
export function timelineEntryView(
  row: TimelineRow,
  partyViewers: readonly TimelineViewer[],
): TimelineEntryView {
  return {
    position: row.position,
    eventId: row.event_id,
    eventType: row.event_type,
    kind: row.kind,
    occurredAt: row.occurred_at,
    dataClass: row.data_class as DataClass,
    sourceOrgId: row.source_org_id,
    sourceOrgRole: row.source_org_role as OrgRole,
    summary: row.summary,
    data: row.data,
    visibleTo: visibleToOf(partyViewers, visibilityOfRow(row)),
  };
}
