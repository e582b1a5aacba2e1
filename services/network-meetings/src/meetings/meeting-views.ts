import type { MeetingRow } from './meeting.repository';

/** A meeting as the API shows it: as scheduled, and its record once held or cancelled. */
export function meetingView(row: MeetingRow) {
  return {
    meetingId: row.id,
    pathId: row.path_id,
    kind: row.kind,
    status: row.status,
    convenor: row.convenor,
    convenorOrgId: row.convenor_org_id,
    invitees: row.invitees,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    venue: row.venue,
    venueOrgId: row.venue_org_id,
    handoffId: row.handoff_id,
    scheduledAt: row.scheduled_at.toISOString(),
    heldAt: row.held_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
    participants: row.participants,
    clientPresent: row.client_present,
    expertPresent: row.expert_present,
    decisions: row.decisions,
    nextMeetingAt: row.next_meeting_at?.toISOString() ?? null,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancellationReason: row.cancellation_reason,
    version: row.version,
  };
}
