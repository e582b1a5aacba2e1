import type {
  CursorPosition,
  MeetingCancellationReason,
  MeetingConvenorKind,
  MeetingDecision,
  MeetingKind,
  MeetingParticipant,
  MeetingVenue,
} from '@polku/contracts';
import { keysetAfter, keysetTimestampSql, PreconditionFailedError } from '@polku/persistence';
import type { DataSource, EntityManager } from 'typeorm';

type Runner = EntityManager | DataSource;

export interface MeetingRow {
  id: string;
  path_id: string;
  kind: MeetingKind;
  convenor: MeetingConvenorKind;
  convenor_org_id: string;
  invitees: MeetingParticipant[];
  starts_at: Date;
  ends_at: Date;
  venue: MeetingVenue;
  venue_org_id: string | null;
  handoff_id: string | null;
  status: 'SCHEDULED' | 'HELD' | 'CANCELLED';
  scheduled_at: Date;
  held_at: Date | null;
  ended_at: Date | null;
  participants: MeetingParticipant[] | null;
  client_present: boolean | null;
  expert_present: boolean | null;
  decisions: MeetingDecision[] | null;
  next_meeting_at: Date | null;
  cancelled_at: Date | null;
  cancellation_reason: MeetingCancellationReason | null;
  version: number;
}

/** What the meeting rules read of a row (meeting-rules.ts). */
export const meetingFactsOf = (row: MeetingRow) => ({
  status: row.status,
  convenorOrgId: row.convenor_org_id,
  invitees: row.invitees,
});

/**
 * Compared under the row lock: the version the caller read (If-Match) is still the current one
 * (412 otherwise).
 */
export function assertVersion(row: MeetingRow, expectedVersion: number): void {
  if (row.version !== expectedVersion) {
    throw new PreconditionFailedError(expectedVersion, row.version);
  }
}

/** A meeting as scheduled. */
export interface NewMeeting {
  readonly id: string;
  readonly pathId: string;
  readonly kind: MeetingKind;
  readonly convenor: MeetingConvenorKind;
  readonly convenorOrgId: string;
  readonly invitees: readonly MeetingParticipant[];
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly venue: MeetingVenue;
  readonly venueOrgId: string | null;
  readonly handoffId: string | null;
  readonly scheduledAt: Date;
}

/** What the record of a held meeting adds. */
export interface HeldMeeting {
  readonly meetingId: string;
  readonly heldAt: Date;
  readonly endedAt: Date;
  readonly participants: readonly MeetingParticipant[];
  readonly clientPresent: boolean;
  readonly expertPresent: boolean;
  readonly decisions: readonly MeetingDecision[];
  readonly nextMeetingAt: Date | null;
}

export async function insertMeeting(em: EntityManager, meeting: NewMeeting): Promise<MeetingRow> {
  const [row] = await em.query<MeetingRow[]>(
    `INSERT INTO meeting (id, path_id, kind, convenor, convenor_org_id, invitees, starts_at,
       ends_at, venue, venue_org_id, handoff_id, scheduled_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12) RETURNING *`,
    [
      meeting.id,
      meeting.pathId,
      meeting.kind,
      meeting.convenor,
      meeting.convenorOrgId,
      JSON.stringify(meeting.invitees),
      meeting.startsAt,
      meeting.endsAt,
      meeting.venue,
      meeting.venueOrgId,
      meeting.handoffId,
      meeting.scheduledAt,
    ],
  );
  return row;
}

export async function meetingOfPath(
  runner: Runner,
  { pathId, meetingId }: { pathId: string; meetingId: string },
): Promise<MeetingRow | undefined> {
  const [row] = await runner.query<MeetingRow[]>(
    `SELECT * FROM meeting WHERE id = $1 AND path_id = $2`,
    [meetingId, pathId],
  );
  return row;
}

/** The meeting locked for a change: a second record or cancellation waits, then sees it. */
export async function meetingOfPathForUpdate(
  em: EntityManager,
  { pathId, meetingId }: { pathId: string; meetingId: string },
): Promise<MeetingRow | undefined> {
  const [row] = await em.query<MeetingRow[]>(
    `SELECT * FROM meeting WHERE id = $1 AND path_id = $2 FOR UPDATE`,
    [meetingId, pathId],
  );
  return row;
}

export async function markMeetingHeld(em: EntityManager, held: HeldMeeting): Promise<MeetingRow> {
  const [[row]] = await em.query<[MeetingRow[], number]>(
    `UPDATE meeting SET status = 'HELD', held_at = $2, ended_at = $3, participants = $4::jsonb,
       client_present = $5, expert_present = $6, decisions = $7::jsonb, next_meeting_at = $8,
       version = version + 1
     WHERE id = $1 RETURNING *`,
    [
      held.meetingId,
      held.heldAt,
      held.endedAt,
      JSON.stringify(held.participants),
      held.clientPresent,
      held.expertPresent,
      JSON.stringify(held.decisions),
      held.nextMeetingAt,
    ],
  );
  return row;
}

export async function markMeetingCancelled(
  em: EntityManager,
  cancel: { meetingId: string; reason: MeetingCancellationReason; cancelledAt: Date },
): Promise<MeetingRow> {
  const [[row]] = await em.query<[MeetingRow[], number]>(
    `UPDATE meeting SET status = 'CANCELLED', cancelled_at = $2, cancellation_reason = $3,
       version = version + 1
     WHERE id = $1 RETURNING *`,
    [cancel.meetingId, cancel.cancelledAt, cancel.reason],
  );
  return row;
}

/** The ordering of a path's meetings, earliest start first; a cursor of another list is refused. */
export const MEETINGS_SORT = 'meetings-by-start';

/** One page of the path's meetings by (starts_at, id): limit + 1 rows, each with its cursor key. */
export async function meetingPageOfPath(
  runner: Runner,
  query: { readonly pathId: string; readonly limit: number; readonly after?: CursorPosition },
): Promise<(MeetingRow & { starts_key: string })[]> {
  const after = keysetAfter(query.after, { keys: ['timestamp'], id: 'uuid' });
  return runner.query<(MeetingRow & { starts_key: string })[]>(
    `SELECT *, ${keysetTimestampSql('starts_at')} AS starts_key FROM meeting
      WHERE path_id = $1
        AND ($2::timestamptz IS NULL OR (starts_at, id) > ($2::timestamptz, $3::uuid))
      ORDER BY starts_at, id LIMIT $4`,
    [query.pathId, after?.keyParts[0] ?? null, after?.id ?? null, query.limit + 1],
  );
}
