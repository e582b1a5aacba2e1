import type { EntityManager } from 'typeorm';

// Set-based writers of the meeting rows of the access projection (path_access_meeting): one
// statement for a whole batch, upserted by meeting, so a meeting's events may come in any order.

/** A meeting scheduled: its invited organisations take part from `startsAt` to `endsAt`. */
export interface MeetingScheduleRow {
  readonly meetingId: string;
  readonly pathId: string;
  readonly orgIds: readonly string[];
  readonly startsAt: string;
  readonly endsAt: string;
}

/** A meeting held (its `endedAt`) or cancelled (its `cancelledAt`): access ends then. */
export interface MeetingEndRow {
  readonly meetingId: string;
  readonly pathId: string;
  readonly endedAt: string;
}

/**
 * Upserts scheduled meetings by meeting id, keeping an end already seen. Of several rows for one
 * meeting in a batch the last (in stream order) is kept, as applying them one by one would.
 */
export async function upsertMeetingSchedules(
  em: EntityManager,
  all: readonly MeetingScheduleRow[],
): Promise<void> {
  const rows = [...new Map(all.map((row) => [row.meetingId, row])).values()];
  // Arrays of arrays do not unnest row by row, so the invitee lists travel as JSON.
  await em.query(
    `INSERT INTO path_access_meeting (meeting_id, path_id, org_ids, starts_at, ends_at)
     SELECT m.meeting_id, m.path_id,
            ARRAY(SELECT e::uuid FROM jsonb_array_elements_text(m.org_ids)
                    WITH ORDINALITY AS o (e, n) ORDER BY n),
            m.starts_at, m.ends_at
       FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[], $4::timestamptz[], $5::timestamptz[])
         AS m (meeting_id, path_id, org_ids, starts_at, ends_at)
     ON CONFLICT (meeting_id) DO UPDATE SET
       org_ids = EXCLUDED.org_ids, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at`,
    [
      rows.map((row) => row.meetingId),
      rows.map((row) => row.pathId),
      rows.map((row) => JSON.stringify(row.orgIds)),
      rows.map((row) => row.startsAt),
      rows.map((row) => row.endsAt),
    ],
  );
}

/**
 * Upserts the ends of meetings by meeting id (the schedule may come later). An end is never
 * undone and the earliest wins, so a meeting both cancelled and recorded as held, or an end
 * replayed, gives one result in any order.
 */
export async function upsertMeetingEnds(
  em: EntityManager,
  all: readonly MeetingEndRow[],
): Promise<void> {
  const earliest = new Map<string, MeetingEndRow>();
  for (const row of all) {
    const seen = earliest.get(row.meetingId);
    if (seen === undefined || Date.parse(row.endedAt) < Date.parse(seen.endedAt)) {
      earliest.set(row.meetingId, row);
    }
  }
  const rows = [...earliest.values()];
  await em.query(
    `INSERT INTO path_access_meeting (meeting_id, path_id, ended_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])
     ON CONFLICT (meeting_id) DO UPDATE SET ended_at =
       LEAST(COALESCE(path_access_meeting.ended_at, EXCLUDED.ended_at), EXCLUDED.ended_at)`,
    [
      rows.map((row) => row.meetingId),
      rows.map((row) => row.pathId),
      rows.map((row) => row.endedAt),
    ],
  );
}
