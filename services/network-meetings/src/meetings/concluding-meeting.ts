import type { Principal } from '@polku/auth';
import { checkPathAccess, type PathAccessGrant } from '@polku/path-access';
import { NotFoundError } from '@polku/service-runtime';
import type { EntityManager } from 'typeorm';
import { assertMayActOnMeeting, assertStillScheduled } from './meeting-rules';
import {
  assertVersion,
  meetingFactsOf,
  meetingOfPathForUpdate,
  type MeetingRow,
} from './meeting.repository';

/** How a scheduled meeting is concluded: recorded as held, or cancelled. */
export type MeetingConclusion = 'record' | 'cancel';

const DONE: Record<MeetingConclusion, string> = {
  record: 'recorded as held',
  cancel: 'cancelled',
};

/**
 * The checks before a meeting is recorded or cancelled, in the caller's transaction: the caller
 * sees the path, the meeting is the path's (locked until the transaction ends), unchanged since
 * the caller read it, the caller's organisation convened it or was invited, and it is still
 * scheduled. Answers the access grant and the locked meeting.
 */
export async function lockMeetingToConclude(
  em: EntityManager,
  request: {
    readonly principal: Principal;
    readonly pathId: string;
    readonly meetingId: string;
    readonly expectedVersion: number;
    readonly conclusion: MeetingConclusion;
  },
): Promise<{ grant: PathAccessGrant; meeting: MeetingRow }> {
  const { principal, pathId, meetingId, conclusion } = request;
  const grant = await checkPathAccess(em, { principal, pathId, dataClass: 'PATH' });
  const meeting = await meetingOfPathForUpdate(em, { pathId, meetingId });
  if (meeting === undefined) {
    throw new NotFoundError('no such meeting');
  }
  assertVersion(meeting, request.expectedVersion);
  assertMayActOnMeeting(meetingFactsOf(meeting), principal.orgId, conclusion);
  assertStillScheduled(meetingFactsOf(meeting), DONE[conclusion]);
  return { grant, meeting };
}
