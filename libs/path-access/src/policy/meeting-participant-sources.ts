import type { PathParty } from './path-access-policy';

/**
 * A network meeting about the path, as the access policy sees it. Fields are null until the
 * event that carries them has been seen: a projection may learn that a meeting was held or
 * cancelled before it learns that it was scheduled.
 */
export interface MeetingParticipantAccessSource {
  readonly meetingId: string;
  /** The invited organisations (NetworkMeetingScheduled's invitees). */
  readonly orgIds: readonly string[] | null;
  readonly startsAt: Date | null;
  /** When the meeting was planned to end. */
  readonly endsAt: Date | null;
  /** The earliest of when it was recorded as ended (held) and when it was cancelled. */
  readonly endedAt: Date | null;
}

/**
 * The MEETING_PARTICIPANT parties of a path: each invited organisation of a scheduled meeting
 * from its start until the earliest of its planned end, its recorded end and its cancellation.
 * A meeting cancelled (or ended) before it starts makes nobody a party. The relation only makes
 * the organisation a party: what it sees still needs a consent or a legal basis naming it.
 */
export function meetingParticipantParties(
  meetings: readonly MeetingParticipantAccessSource[],
): PathParty[] {
  const parties: PathParty[] = [];
  for (const meeting of meetings) {
    if (meeting.orgIds === null || meeting.startsAt === null || meeting.endsAt === null) {
      continue; // not scheduled yet, as far as this projection knows
    }
    const until =
      meeting.endedAt !== null && meeting.endedAt.getTime() < meeting.endsAt.getTime()
        ? meeting.endedAt
        : meeting.endsAt;
    if (until.getTime() <= meeting.startsAt.getTime()) {
      continue;
    }
    for (const orgId of meeting.orgIds) {
      parties.push({ orgId, relation: 'MEETING_PARTICIPANT', since: meeting.startsAt, until });
    }
  }
  return parties;
}
