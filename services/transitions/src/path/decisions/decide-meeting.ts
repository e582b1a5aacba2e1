import { HANDOFF_MEETING_KINDS } from '@polku/contracts';
import type { DecisionDraft } from '../decision-draft';
import { firstRefusal, type Refusal } from '../path-decision';
import { requiredText } from '../path-guards';
import type { PathInputOf } from '../path-inputs';
import type { TransitionMeeting } from '../path-state';

// Network meetings (events of network-meetings). A held meeting never moves the path: a
// transition meeting or joint transfer visit is recorded for the checklist of what it was held
// for, every other kind changes nothing here (it is on the shared timeline, not on a checklist).
// Like every foreign fact it is never refused because of the path's state (docs/path-rules.md).

/**
 * Records a held transition meeting or joint transfer visit for the hand-off it names, or else
 * for the hand-off pending and the measure running when it arrives. A hand-off this path does not
 * know (yet) is recorded by its id all the same, so the checklist of a hand-off proposed later
 * with that id says done, whichever came first. A repeat, another kind of meeting, or one held
 * with neither a hand-off nor a measure to count for changes nothing.
 */
export function recordMeetingHeld(
  draft: DecisionDraft,
  input: PathInputOf<'meetingHeld'>,
): Refusal | null {
  const refusal = firstRefusal(
    () => requiredText(input.meetingId, 'meetingId'),
    () => requiredText(input.heldAt, 'heldAt'),
  );
  if (refusal) {
    return refusal;
  }
  const known = draft.state.transitionMeetings ?? [];
  if (!HANDOFF_MEETING_KINDS.some((kind) => kind === input.kind)) {
    return null;
  }
  if (known.some((meeting) => meeting.meetingId === input.meetingId)) {
    return null;
  }
  const meeting = attributed(draft, input);
  if (meeting.handoffId === undefined && meeting.measureId === undefined) {
    return null;
  }
  draft.update({ transitionMeetings: [...known, meeting] });
  return null;
}

function attributed(draft: DecisionDraft, input: PathInputOf<'meetingHeld'>): TransitionMeeting {
  const pending = draft.state.pendingHandoff?.handoffId;
  const handoffId = input.handoffId ?? pending;
  // A meeting for another hand-off than the pending one is about that hand-off, not about how
  // the running measure ends.
  const forThisStep = input.handoffId === undefined || input.handoffId === pending;
  const measureId = forThisStep ? draft.state.activeMeasure?.measureId : undefined;
  return {
    meetingId: input.meetingId,
    heldAt: input.heldAt,
    ...(handoffId === undefined ? {} : { handoffId }),
    ...(measureId === undefined ? {} : { measureId }),
  };
}
