import type { PathState, TransitionMeeting } from './path-state';

// What the recorded transition meetings say about a path's checklists (decide-meeting.ts records
// them): read by the MeasureEndingSoon reminder and by the path's view of a pending hand-off.

function latest(meetings: readonly TransitionMeeting[]): TransitionMeeting | undefined {
  return meetings.reduce<TransitionMeeting | undefined>(
    (found, meeting) => (found === undefined || meeting.heldAt > found.heldAt ? meeting : found),
    undefined,
  );
}

/** The latest transition meeting or joint transfer visit held for the hand-off, if any. */
export function meetingForHandoff(
  state: PathState,
  handoffId: string,
): TransitionMeeting | undefined {
  return latest((state.transitionMeetings ?? []).filter((m) => m.handoffId === handoffId));
}

/**
 * The latest transition meeting held for how the running measure ends: during it, or for the
 * hand-off pending now. Undefined when no measure runs and no hand-off is pending.
 */
export function meetingForMeasureEnd(state: PathState): TransitionMeeting | undefined {
  const measureId = state.activeMeasure?.measureId;
  const handoffId = state.pendingHandoff?.handoffId;
  return latest(
    (state.transitionMeetings ?? []).filter(
      (m) =>
        (measureId !== undefined && m.measureId === measureId) ||
        (handoffId !== undefined && m.handoffId === handoffId),
    ),
  );
}

/** One item of a pending hand-off's checklist, as the path's view answers it. */
export interface HandoffChecklistEntry {
  readonly item: 'TRANSITION_MEETING';
  readonly done: boolean;
  readonly meetingId?: string;
  readonly heldAt?: string;
}

/**
 * A pending hand-off's checklist: whether a transition meeting or joint transfer visit was held
 * for it. The statement is activation-plans' and the plan for the next step is the hand-off
 * itself, so neither is listed here.
 */
export function handoffChecklist(state: PathState, handoffId: string): HandoffChecklistEntry[] {
  const meeting = meetingForHandoff(state, handoffId);
  return [
    meeting === undefined
      ? { item: 'TRANSITION_MEETING', done: false }
      : {
          item: 'TRANSITION_MEETING',
          done: true,
          meetingId: meeting.meetingId,
          heldAt: meeting.heldAt,
        },
  ];
}
