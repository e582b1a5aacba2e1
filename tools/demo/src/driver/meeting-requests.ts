import { RecordMeetingHeldCommand, ScheduleMeetingCommand } from '@polku/contracts';
import { addCalendarDays } from '@polku/timers';
import type { StepOf } from '../story/steps';
import { helsinkiTime } from './dates';
import type { PathRuntime, StepContext } from './path-runtime';
import { need, type ApiRequest } from './request';
import { orgIdOf } from './workers';

/** How long a network meeting takes. */
const MEETING_MINUTES = 90;

/**
 * When the meeting is held: on its day at 10:00 Helsinki with a simulated clock (it is recorded
 * the next day), or in the past hours without one, so it can be recorded as held at once.
 */
export function meetingSlot(
  step: StepOf<'scheduleMeeting'>,
  ctx: StepContext,
): { startsAt: string; endsAt: string } {
  const start = ctx.realTime
    ? new Date(ctx.now.getTime() - 3 * 3_600_000)
    : helsinkiTime(addCalendarDays(ctx.on, step.inDays), 10);
  return {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + MEETING_MINUTES * 60_000).toISOString(),
  };
}

export function scheduleMeetingRequest(
  step: StepOf<'scheduleMeeting'>,
  ctx: StepContext,
  path: PathRuntime,
): ApiRequest {
  return {
    method: 'POST',
    path: `/paths/${need(path.pathId, 'pathId')}/meetings`,
    bodyClass: ScheduleMeetingCommand,
    body: {
      kind: step.meetingKind,
      convenor: 'ORGANISATION',
      invitees: step.invitees.map(({ org, roles }) => ({ orgId: orgIdOf(org), roles: [...roles] })),
      ...meetingSlot(step, ctx),
      venue: 'ORGANISATION_PREMISES',
      venueOrgId: orgIdOf(step.org),
      ...(step.forHandoff ? { handoffId: need(path.handoffId, 'a pending hand-off') } : {}),
    },
  };
}

export function recordMeetingRequest(step: StepOf<'recordMeeting'>, path: PathRuntime): ApiRequest {
  const meeting = need(path.meeting, 'a scheduled meeting');
  return {
    method: 'POST',
    path: `/paths/${need(path.pathId, 'pathId')}/meetings/${need(path.meetingId, 'a meeting')}/record`,
    bodyClass: RecordMeetingHeldCommand,
    body: {
      heldAt: new Date(Date.parse(meeting.startsAt) + 5 * 60_000).toISOString(),
      endedAt: meeting.endsAt,
      participants: meeting.participants.map((p) => ({ orgId: p.orgId, roles: [...p.roles] })),
      clientPresent: step.clientPresent,
      decisions: step.decisions.map((kind) => ({ kind })),
    },
    ifMatch: need(path.meetingEtag, 'the meeting’s version'),
  };
}
