import { decide } from './path-machine';
import type { PathState } from './path-state';
import { handoffChecklist, meetingForMeasureEnd } from './transition-meetings';
import {
  accept,
  make,
  pathAt,
  POLICY,
  walk,
  STAGES,
} from '../../test/support/path-machine/path-fixtures';

const HELD_AT = '2027-03-01T09:00:00.000Z';

function afterMeeting(state: PathState, overrides: Parameters<typeof make.meetingHeld>[0] = {}) {
  return accept(state, make.meetingHeld(overrides));
}

describe('decide: network meetings held', () => {
  it('should record a transition meeting for the pending hand-off when it names that hand-off', () => {
    const before = pathAt('handoffPending');
    const { state, effects } = afterMeeting(before, { handoffId: 'transition-1' });

    expect(state.transitionMeetings).toEqual([
      { meetingId: 'meeting-1', heldAt: HELD_AT, handoffId: 'transition-1' },
    ]);
    expect(effects).toEqual([]);
    expect({ ...state, transitionMeetings: undefined, version: 0 }).toEqual({
      ...before,
      transitionMeetings: undefined,
      version: 0,
    });
    expect(handoffChecklist(state, 'transition-1')).toEqual([
      { item: 'TRANSITION_MEETING', done: true, meetingId: 'meeting-1', heldAt: HELD_AT },
    ]);
  });

  it('should count a joint transfer visit without a hand-off id for the hand-off pending when it arrives', () => {
    const { state } = afterMeeting(pathAt('handoffAccepted'), { kind: 'JOINT_TRANSFER_VISIT' });

    expect(handoffChecklist(state, 'transition-1')[0]).toMatchObject({ done: true });
  });

  it('should count a transition meeting held during the measure for the measure-end checklist when no hand-off is named', () => {
    const { state } = afterMeeting(pathAt('inMeasure'));

    expect(state.transitionMeetings).toEqual([
      { meetingId: 'meeting-1', heldAt: HELD_AT, measureId: 'measure-1' },
    ]);
    expect(meetingForMeasureEnd(state)?.meetingId).toBe('meeting-1');
  });

  it('should count a meeting held while the measure is paused for that measure', () => {
    const { state } = afterMeeting(pathAt('paused'));

    expect(meetingForMeasureEnd(state)?.meetingId).toBe('meeting-1');
  });

  it('should change nothing when a progress meeting is held for the pending hand-off', () => {
    const before = pathAt('handoffPending');
    const decision = decide(
      before,
      make.meetingHeld({ kind: 'PROGRESS_MEETING', handoffId: 'transition-1' }),
      POLICY,
    );

    expect(decision).toEqual({ state: before, effects: [] });
    expect(handoffChecklist(before, 'transition-1')).toEqual([
      { item: 'TRANSITION_MEETING', done: false },
    ]);
  });

  it('should change nothing when a transition meeting has neither a hand-off nor a measure to count for', () => {
    const before = pathAt('planning');

    expect(decide(before, make.meetingHeld(), POLICY)).toEqual({ state: before, effects: [] });
  });

  it('should change nothing when the same meeting is delivered again', () => {
    const once = afterMeeting(pathAt('handoffPending')).state;

    expect(decide(once, make.meetingHeld(), POLICY)).toEqual({ state: once, effects: [] });
  });

  it('should record a meeting for a hand-off not known yet and count it once that hand-off is proposed', () => {
    const early = afterMeeting(pathAt('inMeasure'), { handoffId: 'transition-1' }).state;
    expect(early.transitionMeetings).toEqual([
      { meetingId: 'meeting-1', heldAt: HELD_AT, handoffId: 'transition-1' },
    ]);
    expect(meetingForMeasureEnd(early)).toBeUndefined();

    const proposed = accept(early, make.handoffProposed()).state;

    expect(handoffChecklist(proposed, 'transition-1')[0]).toMatchObject({ done: true });
    expect(meetingForMeasureEnd(proposed)?.meetingId).toBe('meeting-1');
  });

  it('should not count a meeting for another hand-off toward the pending one or the measure', () => {
    const { state } = afterMeeting(pathAt('handoffPending'), { handoffId: 'transition-9' });

    expect(handoffChecklist(state, 'transition-1')[0]).toEqual({
      item: 'TRANSITION_MEETING',
      done: false,
    });
    expect(meetingForMeasureEnd(state)).toBeUndefined();
  });

  it('should answer the latest meeting when several were held for one hand-off', () => {
    const first = afterMeeting(pathAt('handoffPending')).state;
    const { state } = afterMeeting(first, {
      meetingId: 'meeting-2',
      kind: 'JOINT_TRANSFER_VISIT',
      heldAt: '2027-03-04T12:00:00.000Z',
    });

    expect(handoffChecklist(state, 'transition-1')[0]).toMatchObject({
      meetingId: 'meeting-2',
      heldAt: '2027-03-04T12:00:00.000Z',
    });
  });

  it('should record a meeting after the exit without moving the path when it names a hand-off', () => {
    const exited = walk([...STAGES.followUp]);
    const { state } = afterMeeting(exited, { handoffId: 'transition-7' });

    expect(state.transitionMeetings).toHaveLength(1);
    expect(state.state).toBe('FOLLOW_UP');
  });

  it('should wait for the referral when the meeting comes to a path not known yet', () => {
    expect(decide(undefined, make.meetingHeld(), POLICY)).toMatchObject({
      refused: { code: 'EARLY' },
    });
  });

  it('should refuse a meeting without an id as malformed', () => {
    expect(decide(pathAt('handoffPending'), make.meetingHeld({ meetingId: '' }), POLICY)).toEqual({
      refused: { code: 'VALIDATION_FAILED', message: 'meetingId is required.' },
    });
  });
});
